/**
 * Experiments and their results: replications run in parallel on derived seeds, the results
 * folder written atomically, and statistics across replications (Commons Math); sweeps, and
 * calibration to target outcomes by simulated moments (CMA-ES); journals that let a killed sweep
 * or calibration resume.
 */
package marketsim.results;
