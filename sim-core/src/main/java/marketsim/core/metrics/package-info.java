/**
 * What a run records: additive per-tick tallies per firm, platform, store and market
 * ({@link marketsim.core.metrics.Field}; each money field names the ledger posting kinds it is
 * read from), the named metrics derived from them after aggregation
 * ({@link marketsim.core.metrics.Metric}) and the run record of every entity and tick
 * ({@link marketsim.core.metrics.RunRecord}).
 */
package marketsim.core.metrics;
