/**
 * What a run records: additive per-tick tallies per firm ({@link marketsim.core.metrics.Field}),
 * the named metrics derived from them ({@link marketsim.core.metrics.Metric}) and the run record.
 */
package marketsim.core.metrics;
