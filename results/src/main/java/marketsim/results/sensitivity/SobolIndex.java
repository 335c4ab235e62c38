package marketsim.results.sensitivity;

/**
 * First-order and total Sobol indices of one factor, each with the bounds of its percentile
 * bootstrap confidence interval (at the confidence level the analysis was asked for). The
 * first-order index is the share of output variance the factor explains alone; the total index
 * adds every interaction it takes part in. All NaN when the output does not vary.
 */
public record SobolIndex(double first, double firstLow, double firstHigh, double total, double totalLow,
                         double totalHigh) {
}
