package marketsim.results.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Variance-based (Sobol) sensitivity indices from outputs on a {@link Designs#saltelli} design.
 * With f_A, f_B and f_ABi the outputs on A_j, B_j and AB_j^(i), averaged over the n base samples:
 * <pre>
 *   S1_i = mean(f_B (f_ABi - f_A)) / V       Saltelli et al. (2010), Comput. Phys. Commun. 181:259, table 2 (b)
 *   ST_i = mean((f_A - f_ABi)^2) / (2 V)     Jansen (1999), Comput. Phys. Commun. 117:35; Saltelli et al. table 2 (f)
 *   V    = variance of the 2n values f_A and f_B pooled (divisor 2n, as SALib)
 * </pre>
 * The outputs are first centred on their overall mean: V and ST do not change, S1 does not change
 * in expectation, but a large mean would otherwise multiply the noise of its numerator.
 * Confidence intervals are percentile bootstraps over the n base samples: each resample draws n
 * base samples with replacement, keeping each one's k + 2 outputs together, and recomputes V, S1
 * and ST. The bootstrap treats quasi-random base samples as independent, so on a Sobol design it
 * overstates the error and the intervals are conservative.
 */
public final class SobolAnalysis {
    private SobolAnalysis() {
    }

    /**
     * Indices of the k factors, in column order, from {@code y}: the model outputs in the row order
     * of {@code Designs.saltelli(n, k)}; {@code resamples} bootstrap resamples drawn from a
     * {@link Well19937c} started at {@code seed}.
     */
    public static List<SobolIndex> analyze(double[] y, int n, int k, int resamples, double confidence, long seed) {
        validate(y, n, k, resamples, confidence);
        double[] centred = centred(y);
        double[][] estimate = estimate(centred, IntStream.range(0, n).toArray(), k);
        double[][][] resampled = new double[2][k][resamples];
        RandomGenerator random = new Well19937c(seed);
        for (int b = 0; b < resamples; b++) {
            double[][] again = estimate(centred, Bootstrap.resample(n, random), k);
            for (int i = 0; i < k; i++) {
                resampled[0][i][b] = again[0][i];
                resampled[1][i][b] = again[1][i];
            }
        }
        List<SobolIndex> indices = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] first = Bootstrap.percentileInterval(resampled[0][i], confidence);
            double[] total = Bootstrap.percentileInterval(resampled[1][i], confidence);
            indices.add(new SobolIndex(estimate[0][i], first[0], first[1], estimate[1][i], total[0], total[1]));
        }
        return List.copyOf(indices);
    }

    /** {S1, ST}, each per factor, from the base samples {@code samples} (repeats allowed). */
    private static double[][] estimate(double[] y, int[] samples, int k) {
        int block = k + 2;
        double variance = pooledVariance(y, samples, block);
        double[] first = new double[k];
        double[] total = new double[k];
        for (int i = 0; i < k; i++) {
            double firstSum = 0;
            double totalSum = 0;
            for (int j : samples) {
                double fA = y[j * block + Designs.A];
                double fB = y[j * block + Designs.B];
                double fAB = y[j * block + Designs.AB + i];
                firstSum += fB * (fAB - fA);
                totalSum += (fA - fAB) * (fA - fAB);
            }
            // With no variance there is nothing to apportion: NaN, as Estimate does for 0/0.
            first[i] = variance == 0 ? Double.NaN : firstSum / samples.length / variance;
            total[i] = variance == 0 ? Double.NaN : totalSum / samples.length / (2 * variance);
        }
        return new double[][] {first, total};
    }

    private static double pooledVariance(double[] y, int[] samples, int block) {
        double sum = 0;
        for (int j : samples) {
            sum += y[j * block + Designs.A] + y[j * block + Designs.B];
        }
        double mean = sum / (2.0 * samples.length);
        double squares = 0;
        for (int j : samples) {
            double a = y[j * block + Designs.A] - mean;
            double b = y[j * block + Designs.B] - mean;
            squares += a * a + b * b;
        }
        return squares / (2.0 * samples.length);
    }

    private static double[] centred(double[] y) {
        double mean = Arrays.stream(y).average().orElse(0);
        return Arrays.stream(y).map(v -> v - mean).toArray();
    }

    private static void validate(double[] y, int n, int k, int resamples, double confidence) {
        Arguments arguments = new Arguments().atLeast("n", n, 2).atLeast("k", k, 1).atLeast("resamples", resamples, 1)
                .fraction("confidence", confidence);
        arguments.require(y != null, "`y` must not be null");
        if (y != null) {
            arguments.require(y.length == (long) n * (k + 2), "`y.length` (" + y.length + ") must be n (k + 2) = "
                    + (long) n * (k + 2) + ", the rows of Designs.saltelli(" + n + ", " + k + ")");
            for (int row = 0; row < y.length && arguments.ok(); row++) {
                arguments.require(Double.isFinite(y[row]), "`y[" + row + "]` (" + y[row] + ") must be finite");
            }
        }
        arguments.check();
    }
}
