package marketsim.results.experiment;

import java.time.Instant;

/**
 * An experiment that has run, and when: its replications went, one by one in replication order,
 * to whatever consumed them (the results files, a table's running estimates), not into memory.
 */
public record ExperimentResult(Experiment experiment, Instant started, Instant finished) {
}
