/**
 * Experiments and their results: replications run in parallel on derived seeds, the results
 * folder written atomically, and statistics across replications (Commons Math).
 */
package marketsim.results;
