package marketsim.results.experiment;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.format.Estimate;
import marketsim.results.replication.Moments;

/**
 * Per entity and metric, the mean and 95% CI across replications of the summary-window values
 * (summary.csv's), folded in as each replication arrives: what the terminal's summary table
 * prints, without keeping a value per replication. Added in replication order, the estimates are
 * those of {@link Estimate#of(double[])} over the kept values, to the last bit.
 */
public final class SummaryEstimates {
    private static final int METRICS = Metric.values().length;
    private final List<Entity> entities;
    private final Moments moments;

    public SummaryEstimates(List<Entity> entities) {
        this.entities = List.copyOf(entities);
        this.moments = new Moments(entities.size() * METRICS);
    }

    /** Adds one replication's values [entity][metric]. */
    public void add(double[][] values) {
        for (int e = 0; e < values.length; e++) {
            for (int m = 0; m < METRICS; m++) {
                moments.add(e * METRICS + m, values[e][m]);
            }
        }
    }

    public List<Entity> entities() {
        return entities;
    }

    /** Mean and 95% CI of a metric for an entity across replications. */
    public Estimate estimate(int entity, Metric metric) {
        return moments.estimate(entity * METRICS + metric.ordinal());
    }

    /** Index of the entity with this type and name, or -1. */
    public int indexOf(EntityType type, String name) {
        return indexOf(entities, type, name);
    }

    static int indexOf(List<Entity> entities, EntityType type, String name) {
        for (int e = 0; e < entities.size(); e++) {
            if (entities.get(e).type() == type && entities.get(e).name().equals(name)) {
                return e;
            }
        }
        return -1;
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
