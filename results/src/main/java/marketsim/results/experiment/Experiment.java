package marketsim.results.experiment;

import java.util.List;

import marketsim.results.replication.Replicator;
import marketsim.scenario.Scenario;

/**
 * What to run: a scenario, how many replications, the master seed and the threads to use.
 * Replication {@code r}'s seed is {@link Replicator#seed(long, int)} of the master seed,
 * whatever the thread count.
 */
public record Experiment(Scenario scenario, List<String> overrides, int replications, long masterSeed,
                         int threads) {
    public Experiment {
        if (replications < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least one replication and one thread");
        }
        overrides = List.copyOf(overrides);
    }
}
