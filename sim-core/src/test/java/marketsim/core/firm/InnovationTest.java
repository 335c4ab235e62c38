package marketsim.core.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.TestMarkets;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** Hand-computed repositioning steps toward customers' mean taste. */
class InnovationTest {
    private static final double EXACT = 1e-12; // a few additions of binary fractions
    private static final double COST_PER_STEP = 10; // money per unit of circle

    private static double angleOf(double taste) {
        return 2 * Math.PI * taste;
    }

    @Test
    void aFirmMovesAtMostSpendOverCostTowardItsCustomersAndPays() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(1).build());
        // spend 1 / cost 10 = 0.1 of the circle a tick; the customers are 0.3 - 0.1 = 0.2 away
        new Innovation(ledger, COST_PER_STEP).innovate(List.of(firm), j -> angleOf(0.3));
        assertThat(firm.position()).isCloseTo(0.2, within(EXACT));
        assertThat(ledger.outflow(PostingKind.INNOVATION, Ledger.firmAccount(0))).isEqualTo(1);
    }

    @Test
    void itGoesTheShorterWayRoundAndStopsAtTheTarget() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(5).build());
        // step 0.5, but the customers at 0.95 are only 0.15 away through 0: it lands on 0.95
        new Innovation(ledger, COST_PER_STEP).innovate(List.of(firm), j -> angleOf(0.95));
        assertThat(firm.position()).isCloseTo(0.95, within(EXACT));
    }

    @Test
    void withoutCustomersItPaysAndStays() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(1).build());
        new Innovation(ledger, COST_PER_STEP).innovate(List.of(firm), j -> Double.NaN);
        assertThat(firm.position()).isEqualTo(0.1);
        assertThat(ledger.outflow(PostingKind.INNOVATION, Ledger.firmAccount(0))).isEqualTo(1);
    }

    @Test
    void aFirmWithoutSpendNeitherPaysNorMoves() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("plain").build());
        new Innovation(ledger, COST_PER_STEP).innovate(List.of(firm), j -> angleOf(0.3));
        assertThat(firm.position()).isZero();
        assertThat(ledger.outflow(PostingKind.INNOVATION, Ledger.firmAccount(0))).isZero();
    }
}
