/**
 * Sweeps: a design of experiments over named parameters ({@link marketsim.results.sweep.SweepPlan}: factors,
 * design, points, the condition PRIM looks for), run as a deterministic list of (point, replication) runs
 * streamed to a sink in run order ({@link marketsim.results.sweep.Sweep}), the journal a killed sweep
 * resumes from, what the analyses keep of the runs ({@link marketsim.results.sweep.PointMeans}), the analyses
 * (response, Sobol, Morris, PRIM), the sweep's folder with runs.csv and points.csv streamed
 * ({@link marketsim.results.sweep.SweepFolder}, {@link marketsim.results.sweep.SweepFiles}) and shard folders
 * and their merge ({@link marketsim.results.sweep.ShardFolder}).
 */
package marketsim.results.sweep;
