package marketsim.results.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

class MorrisAnalysisTest {
    /** Four levels, the usual choice (Saltelli et al. 2008, p. 113): delta = 2/3. */
    private static final int LEVELS = 4;
    private static final int RESAMPLES = 1000;
    private static final double CONFIDENCE = 0.95;
    private static final long SEED = 20260302;
    /** Floating-point slack for effects that are exact in real arithmetic. */
    private static final double ROUNDING = 1e-12;
    /** Allowed relative error of the g-function's mu* at r = 200: 4.5 sd (see muStarRanksTheGFunctionFactors). */
    private static final double RELATIVE_TOLERANCE = 0.2;

    /**
     * Two trajectories of one factor: x 0 -> 2/3 with y 0 -> 1 gives EE = 1 / (2/3) = 1.5; x 1 -> 1/3
     * with y 3 -> 5 gives EE = 2 / (-2/3) = -3. mu = -0.75, mu* = (1.5 + 3) / 2 = 2.25, sigma =
     * |1.5 - (-3)| / sqrt 2 = 3.181981; every resampled mu* is 1.5, 2.25 or 3.
     */
    @Test
    void handComputedEffects() {
        double[][] x = {{0}, {2.0 / 3}, {1}, {1.0 / 3}};
        double[] y = {0, 1, 3, 5};
        MorrisIndex index = MorrisAnalysis.analyze(x, y, 2, 1, RESAMPLES, CONFIDENCE, SEED).get(0);
        assertThat(index.mu()).isCloseTo(-0.75, within(ROUNDING));
        assertThat(index.muStar()).isCloseTo(2.25, within(ROUNDING));
        assertThat(index.sigma()).isCloseTo(3.181981, within(1e-6));
        assertThat(index.muStarLow()).isBetween(1.5, 2.25);
        assertThat(index.muStarHigh()).isBetween(2.25, 3.0);
    }

    /** y = sum c_i x_i: every effect is exactly c_i, so mu = c_i, mu* = |c_i|, sigma = 0, and a point interval. */
    @Test
    void aLinearFunctionHasItsCoefficientsAsEffects() {
        double[] c = {3, -2, 0.5, 0};
        int r = 10;
        double[][] x = Designs.morris(r, c.length, LEVELS, SEED);
        List<MorrisIndex> indices = MorrisAnalysis.analyze(x, outputs(x, u -> {
            double sum = 0;
            for (int i = 0; i < c.length; i++) {
                sum += c[i] * u[i];
            }
            return sum;
        }), r, c.length, RESAMPLES, CONFIDENCE, SEED);
        for (int i = 0; i < c.length; i++) {
            MorrisIndex index = indices.get(i);
            assertThat(index.mu()).isCloseTo(c[i], within(ROUNDING));
            assertThat(index.muStar()).isCloseTo(Math.abs(c[i]), within(ROUNDING));
            assertThat(index.sigma()).isCloseTo(0, within(ROUNDING));
            assertThat(index.muStarLow()).isCloseTo(Math.abs(c[i]), within(ROUNDING));
            assertThat(index.muStarHigh()).isCloseTo(Math.abs(c[i]), within(ROUNDING));
        }
    }

    /**
     * Sobol's g-function g = prod (|4 x_i - 2| + a_i) / (1 + a_i), a = (0, 1, 4.5, 9, 99, 99):
     * importance falls strictly with a_i. On the 4-level grid a step of 2/3 always changes |4x - 2|
     * by 4/3, and each other factor stays uniform on the grid, so mu*_i = 2 / (1 + a_i) prod_{j != i}
     * (4/3 + a_j) / (1 + a_j) = 2.574, 1.471, 0.588, 0.332, 0.034, 0.034. Neighbours differ by a
     * factor >= 1.75; the |EE| of one factor vary with a coefficient of variation <= 0.62 (the other
     * factors' terms each take two values), so over r = 200 trajectories each mu* has relative sd
     * <= 0.044: the order of the first five cannot flip by chance (ln 1.75 is 9 sd of a log-ratio),
     * 20% around the analytic mu* is 4.5 sd, and the intervals of neighbours do not overlap. Factors
     * 5 and 6 tie and are not ordered.
     */
    @Test
    void muStarRanksTheGFunctionFactors() {
        double[] a = {0, 1, 4.5, 9, 99, 99};
        int r = 200;
        double[][] x = Designs.morris(r, a.length, LEVELS, SEED);
        List<MorrisIndex> indices = MorrisAnalysis.analyze(x, outputs(x, u -> {
            double g = 1;
            for (int i = 0; i < a.length; i++) {
                g *= (Math.abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
            }
            return g;
        }), r, a.length, RESAMPLES, CONFIDENCE, SEED);
        double all = 1;
        for (double ai : a) {
            all *= (4.0 / 3 + ai) / (1 + ai);
        }
        for (int i = 0; i < a.length; i++) {
            double analytic = 2 / (1 + a[i]) * all / ((4.0 / 3 + a[i]) / (1 + a[i]));
            assertThat(indices.get(i).muStar()).as("mu* of x%d", i + 1).isCloseTo(analytic, within(RELATIVE_TOLERANCE * analytic));
        }
        for (int i = 0; i < 4; i++) {
            assertThat(indices.get(i).muStarLow()).as("x%d above x%d", i + 1, i + 2)
                    .isGreaterThan(indices.get(i + 1).muStarHigh());
        }
        assertThat(indices.get(3).muStarLow()).isGreaterThan(indices.get(5).muStarHigh());
    }

    @Test
    void theSameSeedGivesTheSameIntervals() {
        double[][] x = Designs.morris(20, 3, LEVELS, SEED);
        double[] y = outputs(x, u -> u[0] * u[1] + Math.sin(u[2]));
        assertThat(MorrisAnalysis.analyze(x, y, 20, 3, 100, CONFIDENCE, 1))
                .isEqualTo(MorrisAnalysis.analyze(x, y, 20, 3, 100, CONFIDENCE, 1))
                .isNotEqualTo(MorrisAnalysis.analyze(x, y, 20, 3, 100, CONFIDENCE, 2));
    }

    @Test
    void stepsThatAreNotOneAtATimeAreRejected() {
        double[][] twoAtOnce = {{0, 0}, {1, 1}, {1, 0}, {0, 0}, {0, 1}, {1, 1}};
        assertThatThrownBy(() -> MorrisAnalysis.analyze(twoAtOnce, new double[6], 2, 2, 10, CONFIDENCE, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows 0 and 1 differ in 2 coordinates");
        double[][] sameTwice = {{0, 0}, {1, 0}, {0, 0}, {0, 0}, {0, 1}, {1, 1}};
        assertThatThrownBy(() -> MorrisAnalysis.analyze(sameTwice, new double[6], 2, 2, 10, CONFIDENCE, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trajectory 0 moves factor 0 twice");
    }

    @Test
    void badArgumentsAreAllReported() {
        assertThatThrownBy(() -> MorrisAnalysis.analyze(new double[3][1], new double[4], 1, 1, 10, 0, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`r` (1) must be >= 2")
                .hasMessageContaining("`confidence` (0.0) must be in (0, 1)")
                .hasMessageContaining("`x.length` (3) must be r (k + 1) = 2")
                .hasMessageContaining("`y.length` (4) must be r (k + 1) = 2");
    }

    private static double[] outputs(double[][] rows, ToDoubleFunction<double[]> model) {
        double[] y = new double[rows.length];
        for (int row = 0; row < rows.length; row++) {
            y[row] = model.applyAsDouble(rows[row]);
        }
        return y;
    }
}
