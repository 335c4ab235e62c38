package marketsim.results.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DesignsTest {
    /** Exact-arithmetic slack for grid values computed as level / (p - 1) and their differences. */
    private static final double ROUNDING = 1e-12;

    @Test
    void latinHypercubePutsOnePointInEachStratumOfEveryColumn() {
        int n = 50;
        double[][] design = Designs.latinHypercube(n, 4, 11);
        assertThat(design).hasNumberOfRows(n);
        for (int column = 0; column < 4; column++) {
            int[] strata = new int[n];
            for (double[] row : design) {
                assertThat(row[column]).isGreaterThanOrEqualTo(0).isLessThan(1);
                strata[(int) Math.floor(row[column] * n)]++;
            }
            assertThat(strata).containsOnly(1);
        }
    }

    @Test
    void latinHypercubeIsAFunctionOfItsSeed() {
        assertThat(Designs.latinHypercube(20, 3, 5)).isDeepEqualTo(Designs.latinHypercube(20, 3, 5));
        assertThat(Arrays.deepEquals(Designs.latinHypercube(20, 3, 5), Designs.latinHypercube(20, 3, 6))).isFalse();
    }

    @Test
    void saltelliBlocksHoldABAndAWithOneColumnFromB() {
        int n = 16;
        int k = 3;
        double[][] rows = Designs.saltelli(n, k);
        assertThat(rows).hasNumberOfRows(n * (k + 2));
        for (int j = 0; j < n; j++) {
            double[] a = rows[j * (k + 2)];
            double[] b = rows[j * (k + 2) + 1];
            assertThat(a).hasSize(k);
            if (j > 0) {
                // Sobol point 1 is the centre in all 2k dimensions, so only block 0 has A = B.
                assertThat(a).isNotEqualTo(b);
            }
            for (int i = 0; i < k; i++) {
                double[] expected = a.clone();
                expected[i] = b[i];
                assertThat(rows[j * (k + 2) + 2 + i]).containsExactly(expected);
            }
        }
        // The origin is skipped: the first base sample is Sobol point 1, (0.5, ..., 0.5).
        assertThat(rows[0]).containsOnly(0.5);
        assertThat(rows[1]).containsOnly(0.5);
        assertThat(Arrays.stream(rows).flatMapToDouble(Arrays::stream)).allMatch(v -> v >= 0 && v < 1);
    }

    @Test
    void morrisStepsMoveOneFactorByDeltaOnTheGridOncePerTrajectory() {
        int r = 30;
        int k = 5;
        int levels = 4;
        double delta = Designs.morrisDelta(levels);
        assertThat(delta).isCloseTo(2.0 / 3, within(ROUNDING));
        double[][] rows = Designs.morris(r, k, levels, 3);
        assertThat(rows).hasNumberOfRows(r * (k + 1));
        for (double[] row : rows) {
            for (double v : row) {
                double level = v * (levels - 1);
                assertThat(level).isBetween(0.0, levels - 1.0).isCloseTo(Math.rint(level), within(ROUNDING));
            }
        }
        for (int t = 0; t < r; t++) {
            int[] moves = new int[k];
            for (int step = 0; step < k; step++) {
                double[] before = rows[t * (k + 1) + step];
                double[] after = rows[t * (k + 1) + step + 1];
                for (int i = 0; i < k; i++) {
                    if (before[i] != after[i]) {
                        moves[i]++;
                        assertThat(Math.abs(after[i] - before[i])).isCloseTo(delta, within(ROUNDING));
                    }
                }
                assertThat(Arrays.stream(moves).sum()).isEqualTo(step + 1);
            }
            assertThat(moves).containsOnly(1);
        }
    }

    @Test
    void morrisIsAFunctionOfItsSeedAndMovesBothWays() {
        double[][] rows = Designs.morris(20, 3, 6, 9);
        assertThat(rows).isDeepEqualTo(Designs.morris(20, 3, 6, 9));
        assertThat(Arrays.deepEquals(rows, Designs.morris(20, 3, 6, 10))).isFalse();
        // Starts are uniform over the grid, so both directions occur (each step is down with chance 1/2).
        boolean up = false;
        boolean down = false;
        for (int row = 0; row + 1 < rows.length; row++) {
            if (row % 4 != 3) {
                for (int i = 0; i < 3; i++) {
                    up |= rows[row + 1][i] > rows[row][i];
                    down |= rows[row + 1][i] < rows[row][i];
                }
            }
        }
        assertThat(up && down).isTrue();
    }

    @Test
    void badArgumentsAreAllReported() {
        assertThatThrownBy(() -> Designs.latinHypercube(0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`n` (0) must be >= 1").hasMessageContaining("`k` (0) must be >= 1");
        assertThatThrownBy(() -> Designs.saltelli(1, 501)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`n` (1) must be >= 2").hasMessageContaining("`k` (501) must be <= 500");
        assertThatThrownBy(() -> Designs.morris(1, 2, 5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`levels` (5) must be even");
    }
}
