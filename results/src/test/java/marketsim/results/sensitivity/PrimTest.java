package marketsim.results.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PrimTest {
    /** Peel 5% of the box per step and stop at 5% of the points: the EMA Workbench's defaults. */
    private static final double ALPHA = 0.05;
    private static final double MIN_MASS = 0.05;
    private static final long SEED = 20260303;

    /** The planted region x1 > 0.6 and x2 < 0.3 (mass 0.12), labels flipped with chance 5%. */
    private static final double X1_FROM = 0.6;
    private static final double X2_TO = 0.3;
    private static final double NOISE = 0.05;
    private static final int N = 2000;

    /** Density wanted of the chosen box; why 0.9 and not 0.8, see recoversAPlantedBoxFromNoisyLabels. */
    private static final double THRESHOLD = 0.9;
    /** How far a recovered bound may sit from the planted one (worst over 300 seeds: 0.035). */
    private static final double BOUND_TOLERANCE = 0.05;
    /** x3 counts as unrestricted if at most about two 5% peels took from it (worst over 300 seeds: one). */
    private static final double UNRESTRICTED_SLACK = 0.1;
    /** Share of the true box's coverage the chosen box must reach (worst over 300 seeds: 0.94). */
    private static final double COVERAGE_SHARE = 0.9;

    /**
     * PRIM recovers a planted box. Expected densities: 0.95 inside the true box, 0.05 outside.
     * The threshold is 0.9, not the Workbench's customary 0.8: the chosen box is the largest with
     * density >= threshold, and at 0.8 the rule may take in 0.024 of extra mass ((0.95 - 0.8) 0.12
     * / (0.8 - 0.05)), up to 0.08 beyond x1 = 0.6 or 0.06 beyond x2 = 0.3, so a 0.05 tolerance on
     * the bounds would fail for the right answer (it did on 19% of 300 seeds). At 0.9 the slack is
     * 0.007 of mass (<= 0.024 in a bound). Over 300 seeds of this setup x1's lower bound ranged
     * 0.569..0.619 and x2's upper 0.283..0.335 (tolerance 0.05), x3 kept a range >= 0.947, one
     * peel at most (we ask [<= 0.1, >= 0.9]), and the coverage was never below 0.936 times the
     * true box's own coverage on the same sample (we ask 0.9 times).
     * Not an absolute "coverage >= 0.7": the true box's coverage is 0.95 x 0.12 / (0.95 x 0.12 +
     * 0.05 x 0.88) = 0.72 in expectation with sd 0.025 at n = 2000 (0.64..0.80 over the seeds),
     * so no method could meet 0.7 for every sample. All of these assertions together held on each
     * of the 300 seeds; a peel from the wrong side, a wrong objective or a wrong choice of box
     * misses them by far more.
     */
    @Test
    void recoversAPlantedBoxFromNoisyLabels() {
        Planted planted = planted(new SplittableRandom(SEED));
        Prim.Box box = Prim.find(planted.x(), planted.interesting(), ALPHA, MIN_MASS, THRESHOLD).box();
        assertThat(box.lower()[0]).isCloseTo(X1_FROM, within(BOUND_TOLERANCE));
        assertThat(box.upper()[1]).isCloseTo(X2_TO, within(BOUND_TOLERANCE));
        assertThat(box.lower()[2]).isLessThanOrEqualTo(UNRESTRICTED_SLACK);
        assertThat(box.upper()[2]).isGreaterThanOrEqualTo(1 - UNRESTRICTED_SLACK);
        assertThat(box.restricted()[0] && box.restricted()[1]).isTrue();
        assertThat(box.density()).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(box.coverage()).isGreaterThanOrEqualTo(COVERAGE_SHARE * planted.trueBoxCoverage());
    }

    /** The choice rule, checked on every box: nothing covers more at the threshold density. */
    @Test
    void choosesTheHighestCoverageAtTheThresholdDensity() {
        Planted planted = planted(new SplittableRandom(SEED));
        // The Workbench's customary threshold, to exercise a choice that is not the last dense box.
        double threshold = 0.8;
        Prim.Result result = Prim.find(planted.x(), planted.interesting(), ALPHA, MIN_MASS, threshold);
        List<Prim.Box> trajectory = result.trajectory();
        assertThat(result.box().density()).isGreaterThanOrEqualTo(threshold);
        for (Prim.Box other : trajectory) {
            if (other.density() >= threshold) {
                assertThat(other.coverage()).isLessThanOrEqualTo(result.box().coverage());
            }
        }
        Prim.Box full = trajectory.get(0);
        assertThat(full.mass()).isEqualTo(1.0);
        assertThat(full.coverage()).isEqualTo(1.0);
        assertThat(full.restricted()).containsOnly(false);
        for (int b = 1; b < trajectory.size(); b++) {
            assertThat(trajectory.get(b).points()).isLessThan(trajectory.get(b - 1).points());
            assertThat(trajectory.get(b).mass()).isGreaterThanOrEqualTo(MIN_MASS);
        }
    }

    /**
     * x = 0, 1, ..., 19, interesting from 15 up. With 20 points or fewer the 5% quantile is the
     * lowest value, so each peel removes one point: the bottom one (density 5/20 -> 5/19 ...),
     * never the top one, which is interesting. The bound sits halfway to the next value (0.5,
     * 1.5, ...). Peeling stops at {15..19}, density 1, when the next peel gains nothing. Every
     * box has coverage 1, so the denser wins the tie: the last. x's maximum, never peeled, stays.
     */
    @Test
    void handComputedPeelingOfOneColumn() {
        double[][] x = new double[20][1];
        boolean[] interesting = new boolean[20];
        for (int p = 0; p < 20; p++) {
            x[p][0] = p;
            interesting[p] = p >= 15;
        }
        Prim.Result result = Prim.find(x, interesting, ALPHA, 0.1, 0.5);
        assertThat(result.trajectory()).hasSize(16);
        assertThat(result.chosen()).isEqualTo(15);
        Prim.Box box = result.box();
        assertThat(box.lower()).containsExactly(14.5);
        assertThat(box.upper()).containsExactly(19.0);
        assertThat(box.points()).isEqualTo(5);
        assertThat(box.density()).isEqualTo(1.0);
        assertThat(box.coverage()).isEqualTo(1.0);
        assertThat(box.mass()).isEqualTo(0.25);
        assertThat(result.trajectory().get(1).lower()).containsExactly(0.5);
        assertThat(result.trajectory().get(1).density()).isCloseTo(5.0 / 19, within(1e-15));

        // A minimum mass of 0.5 stops the peeling at 10 points, {10..19}.
        Prim.Result heavy = Prim.find(x, interesting, ALPHA, 0.5, 0.5);
        assertThat(heavy.trajectory()).hasSize(11);
        assertThat(heavy.box().mass()).isEqualTo(0.5);
    }

    @Test
    void withNoBoxDenseEnoughTheDensestIsChosen() {
        double[][] x = new double[20][1];
        boolean[] interesting = new boolean[20];
        for (int p = 0; p < 20; p++) {
            x[p][0] = p;
            interesting[p] = p >= 15 && p != 17;
        }
        Prim.Result result = Prim.find(x, interesting, ALPHA, 0.1, 0.9);
        assertThat(result.box().density()).isEqualTo(0.8);
        assertThat(result.box().lower()).containsExactly(14.5);
    }

    @Test
    void badArgumentsAreAllReported() {
        assertThatThrownBy(() -> Prim.find(new double[3][2], new boolean[2], 0, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`alpha` (0.0) must be in (0, 1)")
                .hasMessageContaining("`minMass` (0.0) must be in (0, 1]")
                .hasMessageContaining("`threshold` (2.0) must be in [0, 1]")
                .hasMessageContaining("`interesting.length` (2) must be n = x.length (3)")
                .hasMessageContaining("`interesting` must be true for at least one point");
    }

    private record Planted(double[][] x, boolean[] interesting, double trueBoxCoverage) {
    }

    private static Planted planted(SplittableRandom random) {
        double[][] x = new double[N][3];
        boolean[] interesting = new boolean[N];
        int all = 0;
        int inTrueBox = 0;
        for (int p = 0; p < N; p++) {
            for (int i = 0; i < 3; i++) {
                x[p][i] = random.nextDouble();
            }
            boolean inside = x[p][0] > X1_FROM && x[p][1] < X2_TO;
            interesting[p] = random.nextDouble() < NOISE ? !inside : inside;
            all += interesting[p] ? 1 : 0;
            inTrueBox += interesting[p] && inside ? 1 : 0;
        }
        return new Planted(x, interesting, inTrueBox / (double) all);
    }
}
