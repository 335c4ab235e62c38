package marketsim.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import marketsim.core.Phase;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.results.experiment.ExperimentResult;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.replication.Replicator;
import marketsim.results.sweep.Sweep;
import marketsim.results.sweep.SweepProfile;

/**
 * {@code marketsim run --profile}: where a run's time went, by phase of the schedule (summed over
 * replications, so on several threads the phases add up to more than the wall time), purchase
 * decisions per second of engine time, and the bytes of per-consumer state.
 */
final class Profile {
    private static final double NANOS = 1e9;

    private Profile() {
    }

    /** The costs of the replications so far, tallied as their records stream past. */
    static final class Tally implements Replicator.Sink<RunRecord> {
        private final long[] nanos = new long[Phase.values().length];
        private long setup;
        private double decisions;
        private long bytes;
        private int ticks;
        private int runs;

        @Override
        public void accept(int rep, RunRecord run) {
            long[] p = run.phaseNanos();
            for (int k = 0; k < p.length && k < nanos.length; k++) {
                nanos[k] += p[k];
            }
            setup += run.setupNanos();
            bytes = Math.max(bytes, run.stateBytes());
            ticks += run.ticksRecorded();
            double[][] all = run.window(0, run.ticksRecorded());
            decisions += all[all.length - 1][Field.OCCASIONS.ordinal()];
            runs++;
        }
    }

    static String render(ExperimentResult result, Tally tally, long wallNanos, long writeNanos) {
        long[] nanos = tally.nanos;
        long setup = tally.setup;
        // Occasions are counted in the market's consumers; the engine decided for the simulated ones.
        double decisions = tally.decisions / result.experiment().scenario().config().population().weight();
        long bytes = tally.bytes;
        int ticks = tally.ticks;
        long engine = setup;
        for (long n : nanos) {
            engine += n;
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nWhere the time went (%d replications on %d threads; engine time summed over replications):%n",
                tally.runs, result.experiment().threads()));
        out.append(String.format(Locale.ROOT, "  %-34s %10s %7s %12s%n", "phase", "seconds", "share", "ms per tick"));
        out.append(line("setup (population, network)", setup, engine, 0));
        for (Phase phase : Phase.values()) {
            out.append(line(phase.name().toLowerCase(Locale.ROOT).replace('_', ' '), nanos[phase.ordinal()], engine,
                    ticks));
        }
        out.append(line("engine total", engine, engine, ticks));
        int consumers = result.experiment().scenario().config().population().size();
        out.append(String.format(Locale.ROOT, "  wall time of the runs (their CSV rows written as they finish) %.2f s; finishing (aggregate, "
                + "manifest, charts) %.2f s%n",
                wallNanos / NANOS, writeNanos / NANOS));
        out.append(String.format(Locale.ROOT, "  %,.0f purchase decisions: %,.0f per second of engine time (one "
                + "thread), %.1f ticks per second%n", decisions, decisions / (engine / NANOS), ticks / (engine / NANOS)));
        out.append(String.format(Locale.ROOT, "  per-consumer state: %,d bytes for %,d consumers = %.0f bytes per "
                + "consumer (population, network and word of mouth, shoppers and their draws, purchase log)%n", bytes, consumers,
                (double) bytes / consumers));
        out.append(jvm());
        return out.toString();
    }

    /**
     * The Java the figures were measured on: its version, the processors it sees, its garbage collector (which the
     * {@code marketsim} launcher chooses on small machines: docs/PERFORMANCE.md) and its largest heap.
     */
    static String jvm() {
        StringBuilder collectors = new StringBuilder();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.append(collectors.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return String.format(Locale.ROOT, "  Java %s, processors: %d; garbage collector %s (%s); heap up to %,d MB%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), collectorName(collectors.toString()),
                collectors, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The collector's usual name, from its memory managers' names. */
    private static String collectorName(String managers) {
        if (managers.contains("G1")) {
            return "G1";
        }
        if (managers.contains("PS ")) {
            return "Parallel";
        }
        if (managers.contains("MarkSweepCompact")) {
            return "Serial";
        }
        return managers.contains("ZGC") ? "ZGC" : managers.contains("Shenandoah") ? "Shenandoah" : "other";
    }

    /**
     * The writing's share of the command's wall time (since the JVM started, so loading the scenario and starting
     * Java count too): the rows written as replications finished (their processor time: what they take from the
     * replications' threads), the data files after the last, charts and report.
     */
    static String writing(ResultsFolder.Timings timings) {
        double wall = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        double total = timings.total() / NANOS;
        return String.format(Locale.ROOT, "  writing results %.2f s of the command's %.2f s wall time (%.0f%%): rows of "
                + "timeseries.csv and summary.csv as the replications finished %.2f s of processor time (%.2f s of wall "
                + "time beside the replications' threads), aggregate.csv, scenario.yaml and manifest.json %.2f s, charts "
                + "and report.html %.2f s%n", total, wall, 100 * total / wall, timings.rows() / NANOS,
                timings.rowsWall() / NANOS, timings.files() / NANOS, timings.figures() / NANOS);
    }

    /**
     * {@code marketsim sweep --profile}: the work outside the engine, in processor time (on a shared machine a
     * thread's clock runs on while it waits for a core; its processor time does not). The runs' parts are the
     * workers' summed over runs; the process's is every thread's (the writing thread, Java's compiler and garbage
     * collector, its start); the share outside the engine is 1 - engine / process. {@code result} is null for a
     * shard (its wall time is then not split).
     */
    static String sweep(SweepProfile.Totals totals, long resolveNanos, int points, int threads, Sweep.Result result) {
        double wall = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long runs = Math.max(1, totals.runs());
        long rest = Math.max(0, process - resolveNanos - totals.outside() - totals.engine());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nWhere the sweep's processor time went "
                + "(%,d runs on %d threads; the runs' parts summed over runs):%n", totals.runs(), threads));
        out.append(String.format(Locale.ROOT, "  %-52s %10s %7s %12s%n", "part", "seconds", "share", "ms per run"));
        out.append(runLine("scenario resolution (" + points + " design points, once)", resolveNanos, process, runs));
        out.append(runLine("model setup (population, network)", totals.setup(), process, runs));
        out.append(runLine("engine (the ticks)", totals.engine(), process, runs));
        out.append(runLine("record closed after the last tick", totals.close(), process, runs));
        out.append(runLine("summaries (summary-window values)", totals.summaries(), process, runs));
        out.append(runLine("the rest (files, analyses, charts, Java itself)", rest, process, runs));
        out.append(runLine("the process", process, process, runs));
        long perRun = resolveNanos + totals.outside();
        out.append(String.format(Locale.ROOT, "  the runs' work outside the engine (scenario resolution, setup, close, "
                + "summaries): %.1f%% of the processor time, %.3f ms per run against the engine's %.3f%n",
                process > 0 ? 100.0 * perRun / process : 0, perRun / 1e6 / runs, totals.engine() / 1e6 / runs));
        out.append(String.format(Locale.ROOT, "  all outside the engine: %.1f%% of the processor time (1 - engine / "
                + "process)", process > 0 ? 100.0 * (1 - (double) totals.engine() / process) : 0));
        if (result != null) {
            out.append(String.format(Locale.ROOT, "; wall time: the runs %.2f s (runs.csv and points written as they "
                    + "finish), then analyses, files, charts and report %.2f s; the command %.2f s",
                    java.time.Duration.between(result.started(), result.finished()).toNanos() / NANOS,
                    java.time.Duration.between(result.finished(), java.time.Instant.now()).toNanos() / NANOS, wall));
        }
        return out.append(String.format("%n")).append(jvm()).toString();
    }

    private static String runLine(String name, long nanos, long total, long runs) {
        return String.format(Locale.ROOT, "  %-52s %10.3f %6.1f%% %12.3f%n", name, nanos / NANOS,
                total > 0 ? 100.0 * nanos / total : 0, nanos / 1e6 / runs);
    }

    private static String line(String name, long nanos, long total, int ticks) {
        return String.format(Locale.ROOT, "  %-34s %10.3f %6.1f%% %12s%n", name, nanos / NANOS,
                total > 0 ? 100.0 * nanos / total : 0, ticks > 0 ? String.format(Locale.ROOT, "%.3f", nanos / 1e6 / ticks)
                        : "");
    }
}
