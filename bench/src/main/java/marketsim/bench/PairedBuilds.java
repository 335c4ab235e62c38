package marketsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of marketsim compared in one process, tick by tick: each build's {@code benchmarks.jar} in its own class
 * loader, a fresh model of each per round, stepped alternately (A then B on even ticks, B then A on odd ones), so
 * that the slow and fast spells of a shared machine fall on both builds alike. JMH's separate forks cannot pair
 * like this; on these machines fork means vary by 10-50% while the paired ratio's interval is a few percent. Prints
 * each round's ratio, the overall B/A speed with the 95% half-width of the per-round ratios, and each phase's time
 * per tick (from the models' own phase timers, as {@code --profile} prints them).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar marketsim.bench.PairedBuilds BEFORE.jar AFTER.jar \
 *     [--scenario jeo-baseline] [--consumers 100000] [--ticks 52] [--rounds 10] [--a-set K=V,...] [--b-set K=V,...]
 * </pre>
 *
 * Both models share the machine's caches while they alternate, so a build with more per-consumer state pays for it
 * somewhat more than it would alone: the paired ratio is, if anything, the harsher of the two measurements.
 *
 * <p>Time is each tick's processor time on this thread, so the spells in which another process held the core are not
 * charged to either build. Which build is A matters by a few percent: two copies of one build have measured B/A from
 * 0.95 to 1.06 (bench-reference, 100,000 consumers, AMD EPYC), steadily within a run. Run both orders (A B, then
 * B A) and take the geometric mean of B/A and the inverse of the second run's B/A.
 */
public final class PairedBuilds {
    /** Time is this thread's processor time: a tick is not charged for the spells another process held the core. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] PHASES = {"firms decide", "intermediaries", "consumers shop", "aftermath",
            "accounting"};

    /** One build: its scenario loader, and the overrides its models get besides the common ones. */
    private record Build(String name, Method start, List<String> overrides) {
        Object model(String scenario, int consumers) throws ReflectiveOperationException {
            List<String> all = new ArrayList<>(List.of("population.size=" + consumers, "horizon=10000",
                    "metrics.summary_window=1"));
            all.addAll(overrides);
            return start.invoke(null, scenario, all);
        }
    }

    private PairedBuilds() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PairedBuilds A.jar B.jar [--scenario S] [--consumers N] [--ticks T] [--rounds R]"
                    + " [--a-set K=V,...] [--b-set K=V,...]");
            System.exit(2);
        }
        String scenario = option(args, "--scenario", "jeo-baseline");
        int consumers = Integer.parseInt(option(args, "--consumers", "100000"));
        int ticks = Integer.parseInt(option(args, "--ticks", "52"));
        int rounds = Integer.parseInt(option(args, "--rounds", "10"));
        Build[] builds = {load(args[0], overrides(option(args, "--a-set", ""))),
                load(args[1], overrides(option(args, "--b-set", "")))};
        for (Build b : builds) { // warm-up: both builds compiled before any round counts
            Object model = b.model(scenario, consumers);
            for (int t = 0; t < ticks; t++) {
                step(model);
            }
        }
        double[] seconds = new double[2];
        double[][] phaseMs = new double[2][PHASES.length];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Object[] models = {builds[0].model(scenario, consumers), builds[1].model(scenario, consumers)};
            System.gc();
            double[] round = new double[2];
            for (int t = 0; t < ticks; t++) {
                for (int k = 0; k < 2; k++) {
                    int b = (t + k) % 2;
                    long t0 = CPU.getCurrentThreadCpuTime();
                    step(models[b]);
                    round[b] += (CPU.getCurrentThreadCpuTime() - t0) / 1e9;
                }
            }
            for (int b = 0; b < 2; b++) {
                seconds[b] += round[b];
                long[] nanos = phaseNanos(models[b]);
                for (int p = 0; p < Math.min(nanos.length, PHASES.length); p++) {
                    phaseMs[b][p] += nanos[p] / 1e6 / ticks / rounds;
                }
            }
            ratios[r] = round[0] / round[1];
            System.out.printf(Locale.ROOT, "round %2d: A %6.1f ticks/s  B %6.1f ticks/s  B/A %.3f%n", r + 1,
                    ticks / round[0], ticks / round[1], ratios[r]);
        }
        double mean = Arrays.stream(ratios).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(ratios).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, rounds - 1));
        System.out.printf(Locale.ROOT, "%s (%s): A %s %.1f ticks/s, B %s %.1f ticks/s; B/A speed %.3f "
                        + "(per-round mean %.3f +- %.3f, 95%% half-width, %d rounds of %d ticks)%n", scenario,
                consumers + " consumers", builds[0].name, rounds * ticks / seconds[0], builds[1].name,
                rounds * ticks / seconds[1], seconds[0] / seconds[1], mean, 2 * sd / Math.sqrt(rounds), rounds, ticks);
        for (int p = 0; p < PHASES.length; p++) {
            System.out.printf(Locale.ROOT, "  %-15s A %7.3f ms/tick  B %7.3f ms/tick  B/A %.2f%n", PHASES[p],
                    phaseMs[0][p], phaseMs[1][p], phaseMs[1][p] / phaseMs[0][p]);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 2; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static List<String> overrides(String list) {
        return list.isBlank() ? List.of() : List.of(list.split(","));
    }

    private static Build load(String jar, List<String> overrides) throws Exception {
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            System.err.println("PairedBuilds: no such jar: " + jar);
            System.exit(2);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {path.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Method start = loader.loadClass(ScenarioBenchmark.class.getName()).getDeclaredMethod("start", String.class,
                List.class);
        start.setAccessible(true);
        return new Build(path.getFileName().toString(), start, overrides);
    }

    /** {@code model.schedule.step(model)} on the build's own classes. */
    private static void step(Object model) throws ReflectiveOperationException {
        Object schedule = model.getClass().getField("schedule").get(model);
        Class<?> simState = Class.forName("sim.engine.SimState", false, model.getClass().getClassLoader());
        schedule.getClass().getMethod("step", simState).invoke(schedule, model);
    }

    private static long[] phaseNanos(Object model) throws ReflectiveOperationException {
        Field f = model.getClass().getDeclaredField("phaseNanos");
        f.setAccessible(true);
        return (long[]) f.get(model);
    }
}
