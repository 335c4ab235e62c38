package marketsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.core.random.Streams;

/** Runs scenarios in tests: replications on derived seeds, metrics over the summary window. */
final class ScenarioRuns {
    private static final Map<String, Runs> CACHE = new ConcurrentHashMap<>();

    /** The replications of one scenario variant and the configuration they ran. */
    record Runs(MarketConfig config, List<RunRecord> records) {
        /** A metric of one entity over ticks [from, to) of replication {@code rep}. */
        double metric(int rep, EntityType type, String entity, Metric metric, int from, int to) {
            RunRecord run = records.get(rep);
            List<Entity> entities = run.entities();
            double[][] vectors = run.window(from, to);
            for (int e = 0; e < entities.size(); e++) {
                if (entities.get(e).type() == type && entities.get(e).name().equals(entity)) {
                    return metric.value(type, vectors[e], vectors[vectors.length - 1], config.discountRatePerTick());
                }
            }
            throw new IllegalArgumentException("no entity " + type + " " + entity);
        }
    }

    private ScenarioRuns() {
    }

    /**
     * Asserts that {@code higher} exceeds {@code lower} over ticks [from, to) by more than the
     * 99% t half-width of the paired (same-seed) differences.
     */
    static void assertHigher(Runs higher, Runs lower, EntityType type, String entity, Metric metric, int from, int to) {
        org.apache.commons.math3.stat.descriptive.SummaryStatistics d =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (int r = 0; r < higher.records().size(); r++) {
            d.addValue(higher.metric(r, type, entity, metric, from, to) - lower.metric(r, type, entity, metric, from, to));
        }
        double half = new org.apache.commons.math3.distribution.TDistribution(null, d.getN() - 1)
                .inverseCumulativeProbability(0.995) * d.getStandardDeviation() / Math.sqrt(d.getN());
        org.assertj.core.api.Assertions.assertThat(d.getMean())
                .as("%s %s: paired difference (+- %s)", entity, metric.key(), half).isGreaterThan(half);
    }

    /** Replications 0..reps-1 of {@code name} with {@code overrides}; cached per arguments. */
    static Runs run(String name, List<String> overrides, int reps, long masterSeed) {
        String key = name + overrides + reps + "/" + masterSeed;
        return CACHE.computeIfAbsent(key, k -> {
            try {
                Scenario s = ScenarioLoader.load(name, overrides);
                List<RunRecord> runs = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    runs.add(MarketModel.run(s.config(), Streams.replicationSeed(masterSeed, r)));
                }
                return new Runs(s.config(), runs);
            } catch (ScenarioException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
    }
}
