package marketsim.core.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import marketsim.core.TestMarkets;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.Trait;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** Teaching on hand-worked cases: contacts, the tilt of criteria, its decay. */
class TeachingTest {
    private static final double EXACT = 1e-9; // float tilts of binary fractions, summed in double
    private static final double COST_PER_CONTACT = 1; // money per contact
    private static final long SEED = 7;
    // step 0.25, decay 0.5, price shift 0.4, quality shift 0.6, relationship shift 0.2
    private static final DynamicsConfig.Teaching TILT = new DynamicsConfig.Teaching(0.25, 0.5, 0.4, 0.6, 0.2);

    private static Population consumers(int n) {
        return Population.draw(new PopulationConfig(n, 4, 0, List.of(TestMarkets.constantSegment("all", 1,
                Map.of(Trait.PRICE_SENSITIVITY, 2.0)))), SEED);
    }

    private static Teaching teaching(Population p, DynamicsConfig.Teaching tilt, Ledger ledger) {
        List<Firm> teacher = List.of(new Firm(0, TestMarkets.firm("teacher").build()));
        return new Teaching(p, tilt, COST_PER_CONTACT, ledger, teacher, SEED);
    }

    @Test
    void spendBuysContactsThatEachRaiseATiltByAStepAndTheTeacherPays() {
        Ledger ledger = new Ledger(1, 0);
        Teaching teaching = teaching(consumers(100), TILT, ledger);
        assertThat(teaching.tiltSum()).isZero();
        // spend 3 / cost 1 = exactly 3 contacts (no fraction left for the Bernoulli draw), 0.25 each;
        // no consumer can reach the cap of 1 with three steps
        assertThat(teaching.educate(0, 3)).isEqualTo(3);
        assertThat(teaching.tiltSum()).isCloseTo(0.75, within(EXACT));
        assertThat(ledger.outflow(PostingKind.EDUCATION, Ledger.firmAccount(0))).isEqualTo(3);
        assertThat(ledger.inflow(PostingKind.EDUCATION, Ledger.MEDIA)).isEqualTo(3);
    }

    @Test
    void aTiltIsCappedAtOne() {
        // one consumer takes every contact: 0.6 + 0.6 is capped at 1
        Teaching teaching = teaching(consumers(1), new DynamicsConfig.Teaching(0.6, 0, 0, 0, 0), new Ledger(1, 0));
        teaching.educate(0, 2);
        assertThat(teaching.tiltSum()).isEqualTo(1);
    }

    @Test
    void everyTiltDecaysWithoutReinforcement() {
        Teaching teaching = teaching(consumers(100), TILT, new Ledger(1, 0));
        teaching.educate(0, 3);
        teaching.decay();
        assertThat(teaching.tiltSum()).isCloseTo(0.75 * 0.5, within(EXACT));
    }

    @Test
    void theTiltShiftsEachCriterion() {
        Teaching teaching = teaching(consumers(1), TILT, new Ledger(1, 0));
        // z = 0.5: alpha 2 (1 - 0.4 x 0.5) = 1.6; beta 1 (1 + 0.6 x 0.5) = 1.3; gamma 1 (1 + 0.2 x 0.5) = 1.1
        assertThat(teaching.priceSensitivity(2f, 0.5f)).isCloseTo(1.6, within(EXACT));
        assertThat(teaching.qualityWeight(1f, 0.5f)).isCloseTo(1.3, within(EXACT));
        assertThat(teaching.relationshipWeight(1f, 0.5f)).isCloseTo(1.1, within(EXACT));
        assertThat(teaching.priceSensitivity(2f, 0f)).isEqualTo(2);
    }

    @Test
    void theMeanPriceSensitivityFallsWithTheMeanTilt() {
        Teaching teaching = teaching(consumers(100), TILT, new Ledger(1, 0));
        assertThat(teaching.meanPriceSensitivity()).isEqualTo(2);
        teaching.educate(0, 3);
        // tilts sum to 0.75 over 100 consumers: 2 (1 - 0.4 x 0.0075) = 1.994
        assertThat(teaching.meanPriceSensitivity()).isCloseTo(1.994, within(EXACT));
    }
}
