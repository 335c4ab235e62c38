package marketsim.results.experiment;

import java.io.IOException;
import java.time.Instant;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.RunRecord;
import marketsim.results.replication.Replicator;

/**
 * Runs an experiment's replications on a {@link Replicator} of the experiment's threads: each
 * replication is a pure function of (scenario, {@link Replicator#seed} of the master seed), and
 * each record reaches the sink in replication order, so the output never depends on thread timing,
 * and only a few records exist at once whatever the replication count.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /** Runs every replication, handing each record to {@code sink} in replication order. */
    public static ExperimentResult run(Experiment experiment, Replicator.Progress progress,
                                       Replicator.Sink<RunRecord> sink) throws InterruptedException, IOException {
        MarketConfig config = experiment.scenario().config();
        long master = experiment.masterSeed();
        return run(experiment, rep -> MarketModel.run(config, Replicator.seed(master, rep)), progress, sink);
    }

    /**
     * Runs every replication as {@code replication} makes it (a played game's decisions replayed on replication
     * {@code rep}'s draw), handing each record to {@code sink} in replication order.
     */
    public static ExperimentResult run(Experiment experiment, Replicator.Job<RunRecord> replication,
                                       Replicator.Progress progress, Replicator.Sink<RunRecord> sink)
            throws InterruptedException, IOException {
        Instant started = Instant.now();
        new Replicator("replication", experiment.threads()).run(experiment.replications(), replication, sink,
                progress);
        return new ExperimentResult(experiment, started, Instant.now());
    }

    /** Runs every replication keeping only its summary values (comparisons, tests). */
    public static Summaries summaries(Experiment experiment, Replicator.Progress progress)
            throws InterruptedException, IOException {
        Summaries.Collector collector = new Summaries.Collector(experiment.scenario().config());
        run(experiment, progress, collector);
        return collector.summaries();
    }
}
