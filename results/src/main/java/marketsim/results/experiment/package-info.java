/**
 * Experiments: replications of one scenario on seeds derived from a master seed, their end-of-run summaries
 * ({@link marketsim.results.experiment.Summaries}), outcomes named ENTITY.METRIC
 * ({@link marketsim.results.experiment.Outcome}), paired comparisons on common random numbers
 * ({@link marketsim.results.experiment.Comparison}) and the results folder, written atomically
 * ({@link marketsim.results.experiment.ResultsFolder}).
 */
package marketsim.results.experiment;
