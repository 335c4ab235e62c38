package marketsim.results.sensitivity;

import java.util.Arrays;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * The two pieces of a percentile bootstrap (Efron &amp; Tibshirani 1993, ch. 13): resampling
 * units with replacement, and the interval between the (1 - c)/2 and (1 + c)/2 quantiles of the
 * recomputed statistic.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** n unit indices drawn uniformly with replacement from 0..n-1. */
    static int[] resample(int n, RandomGenerator random) {
        int[] units = new int[n];
        for (int u = 0; u < n; u++) {
            units[u] = random.nextInt(n);
        }
        return units;
    }

    /**
     * {low, high} quantiles of the non-NaN values at (1 - confidence)/2 and (1 + confidence)/2,
     * interpolated linearly between order statistics (Hyndman &amp; Fan type 7, numpy's default);
     * NaN if no value is a number (an index with no variance to divide by).
     */
    static double[] percentileInterval(double[] values, double confidence) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double tail = (1 - confidence) / 2;
        return new double[] {quantile(sorted, tail), quantile(sorted, 1 - tail)};
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
