package marketsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import marketsim.core.MarketModel;

/**
 * The engine, the plain loop and the MASON model of bench-reference ({@link ReferenceBenchmark}'s three) in one
 * process, in short blocks of ticks in rotation (engine, loop, MASON; then loop, MASON, engine; ...), so that a shared
 * machine's slow and fast spells fall on all three alike. Blocks, not single ticks: the three working sets differ
 * (the loop's fits in a large cache, the engine's does not), and stepping them tick by tick would let each evict the
 * others' state, costing the loop most. Prints each round's engine / loop and engine / MASON speed ratios and
 * their means with the 95% half-width of the per-round ratios. JMH's figures, taken one benchmark after another,
 * drift with the machine's load by more than the differences measured here; this ratio does not (issue 22).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar marketsim.bench.PairedReference [--consumers 100000] [--ticks 20] [--rounds 10]
 * </pre>
 */
public final class PairedReference {
    /** Time is this thread's processor time: a tick is not charged for the spells another process held the core. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] NAMES = {"engine", "plain loop", "MASON model"};

    private PairedReference() {
    }

    public static void main(String[] args) throws Exception {
        int consumers = Integer.parseInt(option(args, "--consumers", "100000"));
        int ticks = Integer.parseInt(option(args, "--ticks", "20"));
        int rounds = Integer.parseInt(option(args, "--rounds", "10"));
        boolean mason = !Arrays.asList(args).contains("--no-mason");
        int kinds = mason ? 3 : 2;
        Runnable[] warm = make(consumers, mason);
        for (int t = 0; t < ticks; t++) { // warm-up: every kind compiled before any round counts
            for (Runnable step : warm) {
                step.run();
            }
        }
        double[][] ratio = new double[2][rounds];
        double[] total = new double[kinds];
        for (int r = 0; r < rounds; r++) {
            Runnable[] steps = make(consumers, mason);
            System.gc();
            double[] seconds = new double[kinds];
            for (int k = 0; k < kinds; k++) {
                int b = (r + k) % kinds;
                long t0 = CPU.getCurrentThreadCpuTime();
                for (int t = 0; t < ticks; t++) {
                    steps[b].run();
                }
                seconds[b] = (CPU.getCurrentThreadCpuTime() - t0) / 1e9;
            }
            for (int b = 0; b < kinds; b++) {
                total[b] += seconds[b];
            }
            ratio[0][r] = seconds[1] / seconds[0];
            ratio[1][r] = mason ? seconds[2] / seconds[0] : Double.NaN;
            System.out.printf(Locale.ROOT, "round %2d: engine %6.1f, loop %6.1f%s ticks/s; engine/loop %.3f%n", r + 1,
                    ticks / seconds[0], ticks / seconds[1],
                    mason ? String.format(Locale.ROOT, ", MASON %6.1f", ticks / seconds[2]) : "", ratio[0][r]);
        }
        System.out.printf(Locale.ROOT, "bench-reference, %d consumers, %d rounds of %d ticks, %s:%n", consumers, rounds,
                ticks, System.getProperty("os.arch"));
        for (int b = 0; b < kinds; b++) {
            System.out.printf(Locale.ROOT, "  %-12s %7.1f ticks/s%n", NAMES[b], rounds * ticks / total[b]);
        }
        report("engine / plain loop", ratio[0]);
        if (mason) {
            report("engine / MASON model", ratio[1]);
        }
    }

    private static void report(String what, double[] ratios) {
        double mean = Arrays.stream(ratios).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(ratios).map(x -> (x - mean) * (x - mean)).sum()
                / Math.max(1, ratios.length - 1));
        System.out.printf(Locale.ROOT, "  %-22s %.3f +- %.3f (per-round mean, 95%% half-width)%n", what, mean,
                2 * sd / Math.sqrt(ratios.length));
    }

    private static Runnable[] make(int consumers, boolean mason) throws Exception {
        MarketModel model = ScenarioBenchmark.start("bench-reference", List.of("population.size=" + consumers));
        ReferenceLoop loop = new ReferenceLoop(consumers, 1);
        Runnable engine = () -> model.schedule.step(model);
        Runnable plain = loop::tick;
        if (!mason) {
            return new Runnable[] {engine, plain};
        }
        MasonReference reference = new MasonReference(consumers, 1);
        reference.start();
        return new Runnable[] {engine, plain, reference::tick};
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
