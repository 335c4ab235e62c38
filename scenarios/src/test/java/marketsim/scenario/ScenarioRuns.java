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
