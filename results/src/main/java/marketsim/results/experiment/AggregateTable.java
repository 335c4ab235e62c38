package marketsim.results.experiment;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.format.AggregateRow;
import marketsim.format.Estimate;
import marketsim.results.Csv;
import marketsim.results.replication.Moments;

/**
 * A run's aggregate.csv in memory: per tick, aggregated entity (archetypes, the platform, the store, the market; not
 * firms or pools) and metric in the entity's scope, the estimate across the replications, in the file's row order.
 * The file is written from it, and a run's charts are drawn from it instead of reading the file back.
 */
public final class AggregateTable implements AggregateRow.Source {
    private static final int METRICS = Metric.values().length;

    private final List<Entity> entities;
    private final int ticks;
    private final Moments moments;

    /** One row of the table. */
    public interface Row {
        void accept(int tick, Entity entity, Metric metric, Estimate estimate) throws IOException;
    }

    /**
     * The rows of {@code ticks} ticks from {@code moments}, whose cell {@code (t * entities + e) * metrics + m}
     * holds tick t's values of entity e's metric m.
     */
    AggregateTable(List<Entity> entities, int ticks, Moments moments) {
        this.entities = entities;
        this.ticks = ticks;
        this.moments = moments;
    }

    /** Cell of tick {@code t} (0-based), entity {@code e} and metric {@code m} in a table's moments. */
    static int cell(int t, int e, int m, int entities) {
        return (t * entities + e) * METRICS + m;
    }

    /** Whether aggregate.csv has the entity's rows: archetypes, the platform, the store and the market. */
    static boolean aggregated(Entity entity) {
        return entity.type() != EntityType.FIRM && entity.type() != EntityType.POOL;
    }

    /** Each row's estimate in file order: by tick (1-based), then entity, then metric. */
    public void forEachEstimate(Row row) throws IOException {
        for (int t = 0; t < ticks; t++) {
            for (int e = 0; e < entities.size(); e++) {
                Entity entity = entities.get(e);
                if (!aggregated(entity)) {
                    continue;
                }
                for (Metric m : Metric.values()) {
                    if (m.scope().includes(entity.type())) {
                        row.accept(t + 1, entity, m, moments.estimate(cell(t, e, m.ordinal(), entities.size())));
                    }
                }
            }
        }
    }

    /**
     * Each row as a reader of the file gets it back, each number as its cell reads ({@link Csv#asWritten}): what is
     * drawn from the table is what a redraw from the file draws.
     */
    @Override
    public void forEach(Consumer<AggregateRow> each) throws IOException {
        forEachEstimate((tick, entity, metric, est) -> each.accept(new AggregateRow(tick, entity.type().key(), entity.name(),
                metric.key(), Csv.asWritten(est.mean()), Csv.asWritten(est.lower()), Csv.asWritten(est.upper()))));
    }
}
