package marketsim.results.search;

/**
 * One candidate evaluated: its number (1-based, in the order it was asked for), its positions in [0, 1]^d, its
 * parameter values, the loss the search minimized, and each outcome the study records, per run
 * ({@code outcomes[k][run]}: a calibration's targets per replication; an optimization's objective and constraints
 * per uncertainty scenario and replication).
 */
public record Evaluation(int index, double[] point, double[] values, double loss, double[][] outcomes) {
    /** The mean of outcome {@code k} across its runs; NaN unless every run has a value. */
    public double mean(int k) {
        return mean(outcomes[k]);
    }

    /** The mean of {@code values}; NaN unless every one is a number. */
    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
