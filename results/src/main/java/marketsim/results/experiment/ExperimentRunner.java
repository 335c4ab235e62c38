package marketsim.results.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import marketsim.core.MarketModel;
import marketsim.core.metrics.RunRecord;

/**
 * Runs an experiment's replications on a pool of {@code threads} workers. Each replication is
 * a pure function of (scenario, its seed), and results are collected by replication index, so
 * the output never depends on thread timing.
 */
public final class ExperimentRunner {
    private ExperimentRunner() {
    }

    /** Receives the count of finished replications; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        void finished(int done, int total);

        Progress NONE = (done, total) -> { };
    }

    public static ExperimentResult run(Experiment experiment, Progress progress) throws InterruptedException {
        Instant started = Instant.now();
        int reps = experiment.replications();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(experiment.threads(), reps), r -> {
            Thread t = new Thread(r, "replication");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<RunRecord>> futures = new ArrayList<>();
            for (int rep = 0; rep < reps; rep++) {
                long seed = experiment.replicationSeed(rep);
                futures.add(pool.submit(() -> {
                    RunRecord record = MarketModel.run(experiment.scenario().config(), seed);
                    progress.finished(done.incrementAndGet(), reps);
                    return record;
                }));
            }
            List<RunRecord> runs = new ArrayList<>();
            for (Future<RunRecord> f : futures) {
                try {
                    runs.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a replication failed: " + e.getCause(), e.getCause());
                }
            }
            return new ExperimentResult(experiment, runs, started, Instant.now());
        } finally {
            pool.shutdownNow();
        }
    }
}
