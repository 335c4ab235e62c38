package marketsim.results.experiment;

import java.time.Instant;
import java.util.List;

import marketsim.core.metrics.RunRecord;

/** The records of every replication, in replication order, with when the experiment ran. */
public record ExperimentResult(Experiment experiment, List<RunRecord> runs, Instant started, Instant finished) {
    public ExperimentResult {
        runs = List.copyOf(runs);
    }
}
