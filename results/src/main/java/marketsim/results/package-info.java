/**
 * What every kind of study shares: the CSV dialect of results files ({@link marketsim.results.Csv}), the
 * provenance a manifest records ({@link marketsim.results.Provenance}); every results folder is written into a
 * staged folder and moved into place from it ({@link marketsim.format.StagedFolder}). Every study runs
 * its replications through {@code replication} (one bounded pool that streams results in job order, the one
 * seed source, streamed estimates). Each study lives in a package of its own:
 * {@code experiment} (replications of a scenario, comparisons on common random numbers, the results folder),
 * {@code sweep} (designs of experiments and their folder), {@code calibration} (fitting parameters to target
 * outcomes), {@code sensitivity} (the pure mathematics of designs and indices), {@code validation} (analytic
 * checks) and {@code table} (every text table the terminal prints).
 */
package marketsim.results;
