package marketsim.core.firm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** When reviews fall, exit after negative cash, and a new period after each review. */
class ReviewTest {
    // reviews every 4 ticks, markup step 0.02, no imitation, exit after 2 negative reviews
    private static final DynamicsConfig.Adaptation ADAPTATION = new DynamicsConfig.Adaptation(4, 0.02, 0, 2, 0.5);

    private static Review review(List<Firm> firms, Ledger ledger) {
        return new Review(firms, ADAPTATION, ledger, new Imitation(firms, Map.of(), 0, new ScriptedRandom()),
                null);
    }

    @Test
    void reviewsFallOnEveryReviewPeriodButTheFirstTick() {
        Review review = review(List.of(new Firm(0, TestMarkets.firm("f").build())), new Ledger(1, 0));
        assertThat(review.due(0)).isFalse();
        assertThat(review.due(3)).isFalse();
        assertThat(review.due(4)).isTrue();
        assertThat(review.due(8)).isTrue();
    }

    @Test
    void aFirmLeavesAfterExitAfterConsecutiveReviewsWithNegativeCash() {
        Ledger ledger = new Ledger(2, 0);
        ledger.post(PostingKind.FIXED_COST, Ledger.firmAccount(0), Ledger.OVERHEAD, 1); // firm 0 is 1 in debt
        List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("in debt").build()),
                new Firm(1, TestMarkets.firm("solvent").build()));
        Review review = review(firms, ledger);
        review.run(0, () -> 1);
        assertThat(firms.get(0).active()).as("one negative review of two").isTrue();
        review.run(0, () -> 1);
        assertThat(firms.get(0).active()).isFalse();
        assertThat(firms.get(1).active()).isTrue();
    }

    @Test
    void eachReviewStartsANewPeriod() {
        Firm firm = new Firm(0, TestMarkets.firm("f").build());
        firm.closeTick(3, 0, 12.5);
        review(List.of(firm), new Ledger(1, 0)).run(0, () -> 1);
        assertThat(firm.previousPeriodProfit()).isEqualTo(12.5);
        assertThat(firm.periodProfit()).isZero();
        assertThat(firm.periodUnits()).isZero();
    }

    /**
     * The population's mean price sensitivity is a pass over every consumer: a review computes it only for a firm
     * that prices on it (best response without demand data), and once however many do.
     */
    @Test
    void theMeanPriceSensitivityIsComputedOnlyWhenAFirmNeedsItAndOnce() {
        AtomicInteger passes = new AtomicInteger();
        Firm costPlus = new Firm(0, TestMarkets.firm("cost plus").build());
        review(List.of(costPlus), new Ledger(1, 0)).run(10, () -> passes.incrementAndGet());
        assertThat(passes).hasValue(0);
        List<Firm> responders = List.of(
                new Firm(0, TestMarkets.firm("a").pricing(PricingRuleName.BEST_RESPONSE).build()),
                new Firm(1, TestMarkets.firm("b").pricing(PricingRuleName.BEST_RESPONSE).build()));
        review(responders, new Ledger(2, 0)).run(10, () -> {
            passes.incrementAndGet();
            return 0.5;
        });
        assertThat(passes).as("two firms priced on it").hasValue(1);
    }
}
