package marketsim.core.firm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.TestMarkets;
import marketsim.core.config.FirmConfig.Innovation.Target;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** Hand-computed repositioning steps toward customers' mean taste, or with the market. */
class InnovationTest {
    private static final double EXACT = 1e-12; // a few additions of binary fractions
    private static final double COST_PER_STEP = 10; // money per unit of circle

    /** Customers whose mean taste is at {@code customers}; the market has moved {@code shift} since the start. */
    private static Innovation.Tastes tastes(double customers, double shift) {
        return new Innovation.Tastes() {
            public double customerTasteAngle(int j) {
                return Double.isNaN(customers) ? Double.NaN : 2 * Math.PI * customers;
            }

            public double marketTasteShift() {
                return shift;
            }
        };
    }

    private static Innovation innovation(Ledger ledger, Firm firm) {
        return new Innovation(ledger, COST_PER_STEP, List.of(firm));
    }

    @Test
    void aFirmMovesAtMostSpendOverCostTowardItsCustomersAndPays() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(1).build());
        // spend 1 / cost 10 = 0.1 of the circle a tick; the customers are 0.3 - 0.1 = 0.2 away
        innovation(ledger, firm).innovate(List.of(firm), tastes(0.3, 0));
        assertThat(firm.position()).isCloseTo(0.2, within(EXACT));
        assertThat(ledger.outflow(PostingKind.INNOVATION, Ledger.firmAccount(0))).isEqualTo(1);
    }

    @Test
    void itGoesTheShorterWayRoundAndStopsAtTheTarget() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(5).build());
        // step 0.5, but the customers at 0.95 are only 0.15 away through 0: it lands on 0.95
        innovation(ledger, firm).innovate(List.of(firm), tastes(0.95, 0));
        assertThat(firm.position()).isCloseTo(0.95, within(EXACT));
    }

    @Test
    void withoutCustomersItPaysAndStays() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(1).build());
        innovation(ledger, firm).innovate(List.of(firm), tastes(Double.NaN, 0));
        assertThat(firm.position()).isEqualTo(0.1);
        assertThat(ledger.outflow(PostingKind.INNOVATION, Ledger.firmAccount(0))).isEqualTo(1);
    }

    @Test
    void aFirmWithoutSpendNeitherPaysNorMoves() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("plain").build());
        innovation(ledger, firm).innovate(List.of(firm), tastes(0.3, 0));
        assertThat(firm.position()).isZero();
        assertThat(ledger.outflow(PostingKind.INNOVATION, Ledger.firmAccount(0))).isZero();
    }

    @Test
    void aMarketFollowerKeepsItsPlaceAsTheMarketMovesWhateverItsCustomers() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(1, Target.MARKET, 0).build());
        // the market moved 0.05 since the start: the aim is 0.1 + 0.05 = 0.15, within the step of 0.1;
        // its customers, at 0.6, do not count
        innovation(ledger, firm).innovate(List.of(firm), tastes(0.6, 0.05));
        assertThat(firm.position()).isCloseTo(0.15, within(EXACT));
    }

    @Test
    void aLeadingFirmAimsWhereItsTargetIsGoing() {
        Ledger ledger = new Ledger(1, 0);
        Firm firm = new Firm(0, TestMarkets.firm("i").position(0.1).innovation(1, Target.MARKET, 4).build());
        Innovation innovation = innovation(ledger, firm);
        // tick 1: the market has not moved; no velocity yet: the aim is 0.1, it stays
        innovation.innovate(List.of(firm), tastes(Double.NaN, 0));
        assertThat(firm.position()).isCloseTo(0.1, within(EXACT));
        // tick 2: the market moved 0.02; velocity 0 + (0.02 - 0) / 4 = 0.005; aim 0.12 + 4 x 0.005 = 0.14
        innovation.innovate(List.of(firm), tastes(Double.NaN, 0.02));
        assertThat(firm.position()).isCloseTo(0.14, within(EXACT));
        // tick 3: moved 0.02 again; velocity 0.005 + (0.02 - 0.005) / 4 = 0.00875; aim 0.14 + 0.035 = 0.175
        innovation.innovate(List.of(firm), tastes(Double.NaN, 0.04));
        assertThat(firm.position()).isCloseTo(0.175, within(EXACT));
    }
}
