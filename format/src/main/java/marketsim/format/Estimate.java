package marketsim.format;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean across replications with a two-sided 95% confidence interval from Student's t:
 * {@code mean +- t(0.975, n-1) sd / sqrt(n)}. NaN values (a ratio with nothing to divide) are
 * left out; with fewer than two values the half-width is NaN.
 */
public record Estimate(double mean, double sd, double halfWidth, long n) {
    public static final double CONFIDENCE = 0.95;

    public static Estimate of(double[] values) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                stats.addValue(v);
            }
        }
        long n = stats.getN();
        if (n == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double sd = stats.getStandardDeviation();
        double half = n < 2 ? Double.NaN : tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Estimate(stats.getMean(), n < 2 ? Double.NaN : sd, half, n);
    }

    /** The two-sided {@link #CONFIDENCE} quantile of Student's t with {@code df} degrees of freedom. */
    public static double tQuantile(long df) {
        return T_QUANTILES.computeIfAbsent(df,
                k -> new TDistribution(null, k).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2));
    }

    private static final java.util.Map<Long, Double> T_QUANTILES = new java.util.concurrent.ConcurrentHashMap<>();

    public double lower() {
        return mean - halfWidth;
    }

    public double upper() {
        return mean + halfWidth;
    }
}
