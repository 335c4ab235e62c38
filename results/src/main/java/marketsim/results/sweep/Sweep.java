package marketsim.results.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.results.experiment.Outcome;
import marketsim.results.replication.Replicator;
import marketsim.results.experiment.Summaries;

/**
 * Runs a sweep's plan: every design point for the same replications on the same seeds (common
 * random numbers across points, so differences between points are not replication noise). The
 * run list is deterministic (point-major, then replication); runs go to a {@link Replicator}, each
 * is reduced to its summary-window metrics in the worker, and the values stream to a sink in run
 * order (the folder's files), so memory does not grow with the run count.
 * Each finished run is appended to a journal first, so a killed sweep re-run with the same
 * command skips the runs it finished; a shard ({@code --shard i/n}) runs every n-th run.
 */
public final class Sweep {
    /** Slice {@code index} (1-based) of {@code count}: the runs whose number modulo count is index - 1. */
    public record Shard(int index, int count) {
        public static final Shard WHOLE = new Shard(1, 1);

        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException(index + "/" + count + ": need 1 <= i <= n");
            }
        }

        /** Parses {@code i/n}. */
        public static Shard parse(String text) {
            String[] parts = text.strip().split("/");
            try {
                if (parts.length == 2) {
                    return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + text + "' must look like i/n, e.g. 3/8 (slice 3 of 8)");
        }

        public boolean owns(int run) {
            return run % count == index - 1;
        }

        /** How many of {@code runs} runs this shard owns. */
        public int size(int runs) {
            return runs / count + (runs % count > index - 1 ? 1 : 0);
        }

        public boolean whole() {
            return count == 1;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    /**
     * A sweep (or a shard of one) that has run: each point's means of the analysed outcomes, how
     * many runs were taken from the journal rather than run, and when. The runs themselves went to
     * the sink, in run order, and are not kept.
     */
    public record Result(SweepPlan plan, Shard shard, int threads, PointMeans means, int resumed,
                         Instant started, Instant finished) {
    }

    /**
     * What a run is at a design point and replication seed: its summary values [entity][metric], a row per
     * entity, then a row per outcome of the plan with its value at each tick (points-timeseries.csv), then the run's
     * ticks and stop condition ({@link #stop}); a model may leave both out (no rows after the entities').
     */
    @FunctionalInterface
    public interface Model {
        double[][] run(int point, long seed);
    }

    /** Receives each run's summary values [entity][metric], in run order. */
    @FunctionalInterface
    public interface RunSink {
        void accept(int run, double[][] values) throws IOException;

        RunSink NONE = (run, values) -> { };
    }

    private Sweep() {
    }

    /**
     * A run's last row of values: the ticks it ran and the index of the stop condition that ended it (-1: the
     * horizon), so runs.csv records them the same after a resume or a merge.
     */
    static double[] stop(int ticks, int stoppedBy) {
        return new double[] {ticks, stoppedBy};
    }

    /** The model at each point of {@code prepared}: a run of the point's scenario, reduced to its summary values. */
    public static Model model(SweepPlan.Prepared prepared) {
        List<MarketConfig> configs = prepared.configs();
        List<Outcome> outcomes = Outcome.parseAll(prepared.plan().outcomes());
        return (point, seed) -> {
            MarketConfig config = configs.get(point);
            return values(config, MarketModel.run(config, seed), outcomes);
        };
    }

    /** A run's values as {@link Model} gives them: its summary, its outcomes' series and its stop row. */
    static double[][] values(MarketConfig config, RunRecord record, List<Outcome> outcomes) {
        double[][] summary = Summaries.summaryValues(config, record);
        double[][] series = Summaries.series(config, record, outcomes);
        double[][] all = java.util.Arrays.copyOf(summary, summary.length + series.length + 1);
        System.arraycopy(series, 0, all, summary.length, series.length);
        all[all.length - 1] = stop(record.ticksRecorded(), record.stoppedBy());
        return all;
    }

    /**
     * Runs the runs of {@code shard}, taking those {@code journal} holds from it and appending each
     * other one to it as soon as it finishes; every run's values go to {@code sink} in run order;
     * {@code progress} hears of each (resumed ones included).
     */
    public static Result run(SweepPlan plan, Model model, Shard shard, int threads, SweepJournal journal,
                             Replicator.Progress progress, RunSink sink) throws InterruptedException, IOException {
        Instant started = Instant.now();
        int reps = plan.replications();
        PointMeans means = new PointMeans(plan);
        List<Integer> owned = new ArrayList<>();
        int resumed = 0;
        for (int run = 0; run < plan.runs(); run++) {
            if (shard.owns(run)) {
                owned.add(run);
                resumed += journal.get(run) != null ? 1 : 0;
            }
        }
        // Runs the journal holds are taken from it; the others run, and are journaled as soon as
        // they finish (in the worker: a kill loses only the runs in flight).
        new Replicator("sweep run", threads).naming(job -> "sweep point " + (owned.get(job) / reps + 1)
                + " replication " + (owned.get(job) % reps + 1)).run(owned.size(), job -> {
            int run = owned.get(job);
            double[][] done = journal.get(run);
            if (done != null) {
                return done;
            }
            double[][] v = model.run(run / reps, Replicator.seed(plan.masterSeed(), run % reps));
            try {
                journal.append(run, v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return v;
        }, (job, v) -> {
            int run = owned.get(job);
            means.add(run, v);
            sink.accept(run, v);
        }, progress);
        return new Result(plan, shard, threads, means, resumed, started, Instant.now());
    }

    /** As {@link #run(SweepPlan, Model, Shard, int, SweepJournal, Replicator.Progress, RunSink)}, keeping the means only. */
    public static Result run(SweepPlan plan, Model model, Shard shard, int threads, SweepJournal journal,
                             Replicator.Progress progress) throws InterruptedException, IOException {
        return run(plan, model, shard, threads, journal, progress, RunSink.NONE);
    }

    /** A short label of a point, e.g. "take_rate=0.25, subsidy=0.1". */
    public static String label(SweepPlan plan, int point) {
        List<String> parts = new ArrayList<>();
        for (int f = 0; f < plan.factors().size(); f++) {
            String v = plan.points().get(point).values().get(f);
            parts.add(plan.factors().get(f).shortName() + "=" + (plan.factors().get(f).continuous()
                    ? new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                            .toPlainString() : v));
        }
        return String.join(", ", parts);
    }
}
