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
import marketsim.core.metrics.Field;
import org.junit.jupiter.api.Test;

/** Teaching on hand-worked cases: contacts, their audience, whose tilt it is, the tilt of criteria, its decay. */
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
        return new Teaching(p, new SellerTerms(teacher), tilt, COST_PER_CONTACT, ledger, teacher, SEED);
    }

    /** Two firms with web stores (awareness bits 0 and 1). */
    private static Teaching twoTeachers(Population p, DynamicsConfig.Teaching tilt) {
        List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("a").build()), new Firm(1, TestMarkets.firm("b").build()));
        return new Teaching(p, new SellerTerms(firms), tilt, COST_PER_CONTACT, new Ledger(2, 0), firms, SEED);
    }

    /** step, decay 0, no shifts, then spill-over, audience share and attribute weight. */
    private static DynamicsConfig.Teaching owned(double step, double spillover, double audienceShare, double attribute) {
        return new DynamicsConfig.Teaching(step, 0, 0.4, 0.6, 0.2, spillover, audienceShare, attribute);
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

    @Test
    void aTiltIsTowardItsTeacherAndAnotherTeacherFirstUndoesIt() {
        Population p = consumers(1);
        Teaching teaching = twoTeachers(p, owned(0.25, 1, 0, 0));
        teaching.educate(0, 2); // 2 contacts from a: 0.5 toward a
        assertThat(teaching.teacher(0)).isEqualTo(0);
        assertThat(p.tilt(0)).isCloseTo(0.5, within(EXACT));
        teaching.educate(1, 1); // one from b undoes a quarter: 0.25, still a's
        assertThat(teaching.teacher(0)).isEqualTo(0);
        assertThat(p.tilt(0)).isCloseTo(0.25, within(EXACT));
        teaching.educate(1, 2); // 0.25 - 0.25 = 0, then an untilted consumer takes b's step: 0.25 toward b
        assertThat(teaching.teacher(0)).isEqualTo(1);
        assertThat(p.tilt(0)).isCloseTo(0.25, within(EXACT));
    }

    @Test
    void aContactThatOvershootsTurnsTheTiltRound() {
        Population p = consumers(1);
        Teaching teaching = twoTeachers(p, owned(0.25, 1, 0, 0));
        teaching.educate(0, 1); // 0.25 toward a
        p.hot[Population.TILT] = 0.125f; // half of it forgotten
        teaching.educate(1, 1); // 0.125 - 0.25 < 0: 0.25 - 0.125 = 0.125 toward b
        assertThat(teaching.teacher(0)).isEqualTo(1);
        assertThat(p.tilt(0)).isCloseTo(0.125, within(EXACT));
    }

    @Test
    void contactsReachTheTeachersCustomersFirstThenConsumersAwareOfIt() {
        Population p = consumers(100);
        for (int i = 0; i < p.size; i++) {
            p.aware[i] = 0;
        }
        p.makeAware(7, 0); // aware of a's web store (bit 0)
        p.last[42] = 0; // a's customer
        p.makeAware(9, 1); // aware of b only: not a's audience
        Teaching teaching = twoTeachers(p, owned(0.25, 1, 1, 0));
        teaching.educate(0, 40); // audience share 1: all 40 contacts reach the customer, capped at 1
        assertThat(p.tilt(42)).isEqualTo(1);
        assertThat(teaching.tiltSum()).isEqualTo(1);
        p.last[42] = Population.NONE; // no customers left: the contacts go to those aware of a
        teaching.educate(0, 40);
        assertThat(p.tilt(7)).isEqualTo(1);
        assertThat(teaching.tiltSum()).isEqualTo(2);
    }

    @Test
    void withoutAnAudienceContactsReachAnyone() {
        Population p = consumers(100);
        for (int i = 0; i < p.size; i++) {
            p.aware[i] = 0;
        }
        Teaching teaching = twoTeachers(p, owned(0.25, 1, 1, 0));
        teaching.educate(0, 3); // nobody knows a: three contacts anywhere, no cap reached
        assertThat(teaching.tiltSum()).isCloseTo(0.75, within(EXACT));
    }

    @Test
    void rivalsJudgeWithTheSpilledOverTilt() {
        Teaching teaching = twoTeachers(consumers(1), owned(0.25, 0.25, 0, 3));
        // z = 0.5: a rival sees 0.25 x 0.5 = 0.125; alpha 2 (1 - 0.4 x 0.125) = 1.9; the attribute 3 x 0.5 = 1.5
        assertThat((double) teaching.rivalTilt(0.5f)).isCloseTo(0.125, within(EXACT));
        assertThat(teaching.priceSensitivity(2f, teaching.rivalTilt(0.5f))).isCloseTo(1.9, within(EXACT));
        assertThat(teaching.attribute(0.5f)).isCloseTo(1.5, within(EXACT));
    }

    @Test
    void eachTeachersTiltIsTalliedApart() {
        Population p = consumers(2);
        p.aware[0] = 1L; // consumer 0 knows a only (bit 0), consumer 1 b only (bit 1)
        p.aware[1] = 2L;
        Teaching teaching = twoTeachers(p, owned(0.25, 1, 1, 0));
        teaching.educate(0, 1); // consumer 0: 0.25 toward a
        teaching.educate(1, 2); // consumer 1: 0.5 toward b
        double[][] firms = new double[2][Field.COUNT];
        double[] market = new double[Field.COUNT];
        teaching.tally(firms, market);
        assertThat(firms[0][Field.TAUGHT_TILT.ordinal()]).isCloseTo(0.25, within(EXACT));
        assertThat(firms[1][Field.TAUGHT_TILT.ordinal()]).isCloseTo(0.5, within(EXACT));
        assertThat(market[Field.TILT_SUM.ordinal()]).isCloseTo(0.75, within(EXACT));
    }

    @Test
    void theTallyAfterADecayCountsTheDecayedTiltsOnceEachTick() {
        // the decay pass sums the tilts for the tally that follows it: consumer 0 0.25 toward a, consumer 1 0.5
        // toward b, halved by the decay; a contact between a decay and the tally makes the tally sum them afresh
        Population p = consumers(2);
        p.aware[0] = 1L;
        p.aware[1] = 2L;
        Teaching teaching = twoTeachers(p, new DynamicsConfig.Teaching(0.25, 0.5, 0.4, 0.6, 0.2, 1, 1, 0));
        teaching.educate(0, 1);
        teaching.educate(1, 2);
        teaching.decay();
        double[][] firms = new double[2][Field.COUNT];
        double[] market = new double[Field.COUNT];
        teaching.tally(firms, market);
        assertThat(firms[0][Field.TAUGHT_TILT.ordinal()]).isCloseTo(0.125, within(EXACT));
        assertThat(firms[1][Field.TAUGHT_TILT.ordinal()]).isCloseTo(0.25, within(EXACT));
        assertThat(market[Field.TILT_SUM.ordinal()]).isCloseTo(0.375, within(EXACT));
        teaching.decay(); // 0.0625 and 0.125, summed; then a contact moves a tilt before the tally
        teaching.educate(0, 1); // consumer 0: 0.0625 + 0.25 toward a
        double[][] next = new double[2][Field.COUNT];
        double[] nextMarket = new double[Field.COUNT];
        teaching.tally(next, nextMarket);
        assertThat(next[0][Field.TAUGHT_TILT.ordinal()]).isCloseTo(0.3125, within(EXACT));
        assertThat(nextMarket[Field.TILT_SUM.ordinal()]).isCloseTo(0.4375, within(EXACT));
    }
}
