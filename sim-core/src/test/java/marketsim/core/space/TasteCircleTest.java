package marketsim.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed points on the circle of circumference 1. */
class TasteCircleTest {
    private static final double EXACT = 1e-12; // the cases are a few additions of binary fractions

    @Test
    void distanceGoesTheShorterWayRound() {
        assertThat(TasteCircle.distance(0.1, 0.3)).isCloseTo(0.2, within(EXACT));
        // |0.05 - 0.95| = 0.9, the other way round 1 - 0.9 = 0.1
        assertThat(TasteCircle.distance(0.05, 0.95)).isCloseTo(0.1, within(EXACT));
        assertThat(TasteCircle.distance(0.95, 0.05)).isCloseTo(0.1, within(EXACT));
        assertThat(TasteCircle.distance(0.0, 0.5)).isEqualTo(0.5);
        assertThat(TasteCircle.distance(0.25, 0.25)).isZero();
    }

    @Test
    void wrapKeepsPointsInTheUnitInterval() {
        assertThat(TasteCircle.wrap(1.25)).isEqualTo(0.25);
        assertThat(TasteCircle.wrap(-0.25)).isEqualTo(0.75);
        assertThat(TasteCircle.wrap(0.5)).isEqualTo(0.5);
    }

    @Test
    void shortestStepCrossesZeroWhenThatIsShorter() {
        assertThat(TasteCircle.shortestStep(0.1, 0.3)).isCloseTo(0.2, within(EXACT));
        // from 0.9 to 0.1: +0.2 through 0, not -0.8
        assertThat(TasteCircle.shortestStep(0.9, 0.1)).isCloseTo(0.2, within(EXACT));
        assertThat(TasteCircle.shortestStep(0.1, 0.9)).isCloseTo(-0.2, within(EXACT));
    }
}
