/**
 * The one replication engine: {@link marketsim.results.replication.Replicator} runs numbered
 * (configuration, seed) jobs on a bounded pool and streams each result to a consumer in job order,
 * holding only a small window of results; {@link marketsim.results.replication.Replicator#seed} is the
 * one function that derives replication seeds from a master seed; and
 * {@link marketsim.results.replication.Moments} folds a stream of values into the mean and variance
 * that {@link marketsim.format.Estimate} reports, bit for bit, without keeping the values. Experiments,
 * sweeps, calibration and validation all run through them.
 */
package marketsim.results.replication;
