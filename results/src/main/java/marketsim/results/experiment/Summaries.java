package marketsim.results.experiment;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.MarketModel;
import marketsim.core.config.MarketConfig;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.core.metrics.RunRecord;
import marketsim.format.Estimate;

/**
 * Per replication and entity, every metric over the summary window (the last
 * {@code summary_window} ticks): flows summed, stocks at the last tick, ratios taken after.
 */
public final class Summaries {
    private final List<Entity> entities;
    /** values[rep][entity][metric]. */
    private final double[][][] values;

    private Summaries(List<Entity> entities, double[][][] values) {
        this.entities = entities;
        this.values = values;
    }

    public static Summaries of(ExperimentResult result) {
        MarketConfig config = result.experiment().scenario().config();
        int to = config.horizon();
        int from = to - config.summaryWindow();
        List<RunRecord> runs = result.runs();
        List<Entity> entities = runs.get(0).entities();
        double[][][] values = new double[runs.size()][][];
        for (int r = 0; r < runs.size(); r++) {
            values[r] = metricValues(entities, runs.get(r).window(from, to), config.discountRatePerTick());
        }
        return new Summaries(entities, values);
    }

    /** Runs {@code config} once on {@code seed}: its entities and summary-window values [entity][metric]. */
    public static Run runOnce(MarketConfig config, long seed) {
        RunRecord record = MarketModel.run(config, seed);
        int to = config.horizon();
        return new Run(record.entities(), metricValues(record.entities(), record.window(to - config.summaryWindow(), to),
                config.discountRatePerTick()));
    }

    /** One run's entities and its summary-window metric values [entity][metric]. */
    public record Run(List<Entity> entities, double[][] values) {
        public double value(Outcome outcome) {
            return outcome.valueIn(entities, values);
        }
    }

    /** Metric values [entity][metric] from aggregated field vectors [entity][field]. */
    public static double[][] metricValues(List<Entity> entities, double[][] vectors, double discountRate) {
        double[] market = vectors[vectors.length - 1];
        double[][] out = new double[entities.size()][Metric.values().length];
        for (int e = 0; e < entities.size(); e++) {
            EntityType type = entities.get(e).type();
            for (Metric m : Metric.values()) {
                out[e][m.ordinal()] = m.value(type, vectors[e], market, discountRate);
            }
        }
        return out;
    }

    public List<Entity> entities() {
        return entities;
    }

    public int replications() {
        return values.length;
    }

    public double value(int rep, int entity, Metric metric) {
        return values[rep][entity][metric.ordinal()];
    }

    /** Index of the entity with this type and name, or -1. */
    public int indexOf(EntityType type, String name) {
        for (int e = 0; e < entities.size(); e++) {
            if (entities.get(e).type() == type && entities.get(e).name().equals(name)) {
                return e;
            }
        }
        return -1;
    }

    /** Mean and 95% CI of a metric for an entity across replications. */
    public Estimate estimate(int entity, Metric metric) {
        double[] xs = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            xs[r] = values[r][entity][metric.ordinal()];
        }
        return Estimate.of(xs);
    }

    /** Indexes of the archetype entities, in order. */
    public List<Integer> archetypes() {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            if (entities.get(e).type() == EntityType.ARCHETYPE) {
                out.add(e);
            }
        }
        return out;
    }
}
