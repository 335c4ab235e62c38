/**
 * The search the studies that look for parameter values share (calibration, optimization): CMA-ES or a given list
 * of candidates over parameters normalised to [0, 1] ({@link marketsim.results.search.Search}), each parameter
 * checked against the scenario at both ends of its range ({@link marketsim.results.search.SearchParameter}), and
 * the journal of finished evaluations a killed search resumes from
 * ({@link marketsim.results.search.EvaluationJournal}).
 */
package marketsim.results.search;
