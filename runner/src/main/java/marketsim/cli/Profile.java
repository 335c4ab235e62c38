package marketsim.cli;

import java.util.Locale;

import marketsim.core.Phase;
import marketsim.core.metrics.Field;
import marketsim.core.metrics.RunRecord;
import marketsim.results.experiment.ExperimentResult;
import marketsim.results.replication.Replicator;

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
                + "consumer (population, network and word of mouth, shopping order, purchase log)%n", bytes, consumers,
                (double) bytes / consumers));
        return out.toString();
    }

    private static String line(String name, long nanos, long total, int ticks) {
        return String.format(Locale.ROOT, "  %-34s %10.3f %6.1f%% %12s%n", name, nanos / NANOS,
                total > 0 ? 100.0 * nanos / total : 0, ticks > 0 ? String.format(Locale.ROOT, "%.3f", nanos / 1e6 / ticks)
                        : "");
    }
}
