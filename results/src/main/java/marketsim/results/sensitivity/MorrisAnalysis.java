package marketsim.results.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.util.MathArrays;

/**
 * Morris's (1991, Technometrics 33:161) elementary effects and their statistics mu, sigma and
 * mu* (Campolongo, Cariboni &amp; Saltelli 2007, Environ. Model. Softw. 22:1509). Within each
 * trajectory of k + 1 rows every step moves exactly one factor i, and
 * <pre>
 *   EE_i = (y[next] - y[prev]) / (x[next][i] - x[prev][i])
 * </pre>
 * so each trajectory gives one effect per factor. The confidence interval of mu* is a percentile
 * bootstrap over trajectories (resampled with replacement, as SALib does).
 */
public final class MorrisAnalysis {
    private MorrisAnalysis() {
    }

    /**
     * Statistics of the k factors, in column order. {@code x}: the design rows in the unit cube,
     * r trajectories of k + 1 rows each (as {@link Designs#morris} makes them, though any
     * one-at-a-time trajectories do); {@code y}: the outputs, row for row; {@code resamples}
     * bootstrap resamples drawn from a {@link Well19937c} started at {@code seed}.
     */
    public static List<MorrisIndex> analyze(double[][] x, double[] y, int r, int k, int resamples, double confidence,
                                            long seed) {
        validate(x, y, r, k, resamples, confidence);
        double[][] effects = elementaryEffects(x, y, r, k);
        RandomGenerator random = new Well19937c(seed);
        double[][] resampled = new double[k][resamples];
        for (int b = 0; b < resamples; b++) {
            int[] trajectories = Bootstrap.resample(r, random);
            for (int i = 0; i < k; i++) {
                resampled[i][b] = meanAbsolute(effects[i], trajectories);
            }
        }
        List<MorrisIndex> indices = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double[] interval = Bootstrap.percentileInterval(resampled[i], confidence);
            double[] all = effects[i];
            double muStar = meanAbsolute(all, MathArrays.natural(r));
            indices.add(new MorrisIndex(StatUtils.mean(all), muStar, Math.sqrt(StatUtils.variance(all)), interval[0],
                    interval[1]));
        }
        return List.copyOf(indices);
    }

    private static void validate(double[][] x, double[] y, int r, int k, int resamples, double confidence) {
        Arguments arguments = new Arguments().atLeast("r", r, 2).atLeast("k", k, 1).atLeast("resamples", resamples, 1)
                .fraction("confidence", confidence)
                .require(x != null && y != null, "`x` and `y` must not be null");
        if (x == null || y == null) {
            arguments.check();
        }
        long rows = (long) r * (k + 1);
        arguments.require(x.length == rows, "`x.length` (" + x.length + ") must be r (k + 1) = " + rows)
                .require(y.length == rows, "`y.length` (" + y.length + ") must be r (k + 1) = " + rows);
        for (int row = 0; row < x.length && arguments.ok(); row++) {
            arguments.require(x[row] != null && x[row].length == k, "`x[" + row + "]` must have k = " + k + " columns")
                    .require(x[row] == null || Arrays.stream(x[row]).allMatch(Double::isFinite),
                            "`x[" + row + "]` must be finite")
                    .require(Double.isFinite(y[row]), "`y[" + row + "]` (" + y[row] + ") must be finite");
        }
        arguments.check();
    }

    /** The effects [factor][trajectory], checking that each trajectory moves each factor once. */
    private static double[][] elementaryEffects(double[][] x, double[] y, int r, int k) {
        double[][] effects = new double[k][r];
        for (int t = 0; t < r; t++) {
            boolean[] moved = new boolean[k];
            for (int step = 0; step < k; step++) {
                int prev = t * (k + 1) + step;
                int i = movedFactor(x[prev], x[prev + 1], prev);
                if (moved[i]) {
                    throw new IllegalArgumentException("trajectory " + t + " moves factor " + i
                            + " twice (rows " + prev + " and " + (prev + 1) + "); each step must move a new factor");
                }
                moved[i] = true;
                effects[i][t] = (y[prev + 1] - y[prev]) / (x[prev + 1][i] - x[prev][i]);
            }
        }
        return effects;
    }

    /** The one coordinate in which two consecutive rows differ. */
    private static int movedFactor(double[] before, double[] after, int row) {
        int moved = -1;
        int changes = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                moved = i;
                changes++;
            }
        }
        if (changes != 1) {
            throw new IllegalArgumentException("rows " + row + " and " + (row + 1) + " differ in " + changes
                    + " coordinates; a Morris step moves exactly one");
        }
        return moved;
    }

    /** Mean of |effects| over the given trajectories (repeats allowed). */
    private static double meanAbsolute(double[] effects, int[] trajectories) {
        double sum = 0;
        for (int t : trajectories) {
            sum += Math.abs(effects[t]);
        }
        return sum / trajectories.length;
    }
}
