package marketsim.format;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * One row of a run's aggregate.csv as a reader gets its cells back (columns in docs/RESULTS.md): an entity's mean
 * of a metric at a tick across the replications, with its 95% interval; NaN for an empty cell.
 */
public record AggregateRow(int tick, String entityType, String entity, String metric, double mean, double ciLow,
                           double ciHigh) {
    /** A run's rows in file order, from wherever they are: the file, or the run that writes it, in memory. */
    public interface Source {
        void forEach(Consumer<AggregateRow> each) throws IOException;
    }
}
