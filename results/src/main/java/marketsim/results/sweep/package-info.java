/**
 * Sweeps: a design of experiments over named parameters ({@link marketsim.results.sweep.SweepPlan}: factors,
 * design, points, the condition PRIM looks for), run as a deterministic list of (point, replication) runs
 * that shards split and merge joins ({@link marketsim.results.sweep.Sweep}), the journal a killed sweep
 * resumes from, the analyses (response, Sobol, Morris, PRIM) and the sweep's folder.
 */
package marketsim.results.sweep;
