/**
 * Pure mathematics of global sensitivity analysis and scenario discovery, kept apart from the
 * simulator so it can be checked against functions with known answers: designs of experiments
 * in the unit hypercube ({@link marketsim.results.sensitivity.Designs}), Sobol indices
 * ({@link marketsim.results.sensitivity.SobolAnalysis}), Morris elementary effects
 * ({@link marketsim.results.sensitivity.MorrisAnalysis}) and PRIM boxes
 * ({@link marketsim.results.sensitivity.Prim}). Every random choice comes from a {@code long}
 * seed argument, so a result is a function of its inputs.
 */
package marketsim.results.sensitivity;
