package marketsim.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import marketsim.core.ScriptedRandom;
import marketsim.core.TestMarkets;
import marketsim.core.config.FeeRuleName;
import marketsim.core.config.PlatformConfig;
import marketsim.core.firm.Firm;
import marketsim.core.ledger.Ledger;
import marketsim.core.ledger.PostingKind;
import org.junit.jupiter.api.Test;

/** The platform's fee rules, hand-computed review by review. */
class FeeRulesTest {
    private static final double EXACT = 1e-12;

    private static FeeReview period(double profit, double previous, double members, int sellers) {
        return new FeeReview(profit, previous, members, sellers);
    }

    private static PlatformConfig.FeeRule rule(FeeRuleName name, double step, double max, double subsidyStep,
                                               double members, int sellers) {
        return new PlatformConfig.FeeRule(name, 13, step, max, subsidyStep, members, sellers);
    }

    @Test
    void fixedFeesNeverMove() {
        FeeRule fixed = FeeRules.create(rule(FeeRuleName.FIXED, 0.05, 0.5, 0.05, 0, 1));
        FeeLevers now = new FeeLevers(0.15, 0.05);
        assertThat(fixed.review(now, period(-100, 50, 0.9, 10))).isEqualTo(now);
    }

    @Test
    void hillClimbingRaisesTheTakeWhileProfitRisesAndTurnsWhenItFalls() {
        FeeRule climb = FeeRules.create(rule(FeeRuleName.HILL_CLIMBING, 0.02, 0.2, 0.05, 0, 0));
        FeeLevers levers = new FeeLevers(0.15, 0.05);
        levers = climb.review(levers, period(100, Double.NaN, 0.3, 5)); // first review: upward, 0.17
        assertThat(levers.takeRate()).isCloseTo(0.17, within(EXACT));
        levers = climb.review(levers, period(120, 100, 0.3, 5)); // profit rose: on up, 0.19
        assertThat(levers.takeRate()).isCloseTo(0.19, within(EXACT));
        levers = climb.review(levers, period(130, 120, 0.3, 5)); // rose again, but capped at 0.2
        assertThat(levers.takeRate()).isCloseTo(0.2, within(EXACT));
        levers = climb.review(levers, period(90, 130, 0.3, 5)); // profit fell: turn down, 0.18
        assertThat(levers.takeRate()).isCloseTo(0.18, within(EXACT));
        assertThat(levers.subsidy()).as("the subsidy is left alone").isEqualTo(0.05);
    }

    @Test
    void hillClimbingNeverTakesBelowZero() {
        FeeRule climb = FeeRules.create(rule(FeeRuleName.HILL_CLIMBING, 0.02, 0.5, 0, 0, 0));
        FeeLevers levers = new FeeLevers(0.01, 0);
        levers = climb.review(levers, period(10, Double.NaN, 0, 0)); // 0.03
        levers = climb.review(levers, period(5, 10, 0, 0)); // fell: down to 0.01
        levers = climb.review(levers, period(6, 5, 0, 0)); // rose: on down, -0.01 -> 0
        assertThat(levers.takeRate()).isZero();
    }

    @Test
    void lifecycleSubsidisesUntilMembersPassTheThresholdThenHarvestsForGood() {
        FeeRule life = FeeRules.create(rule(FeeRuleName.LIFECYCLE, 0.05, 0.3, 0.04, 0.5, 0));
        FeeLevers launch = new FeeLevers(0.05, 0.1);
        FeeLevers levers = life.review(launch, period(-500, Double.NaN, 0.3, 20));
        assertThat(levers).as("growing: launch levers").isEqualTo(launch);
        levers = life.review(levers, period(-400, -500, 0.5, 20)); // threshold reached: 0.10 take, 0.06 subsidy
        assertThat(levers.takeRate()).isCloseTo(0.10, within(EXACT));
        assertThat(levers.subsidy()).isCloseTo(0.06, within(EXACT));
        levers = life.review(levers, period(-100, -400, 0.45, 20)); // members fell back: still harvests
        levers = life.review(levers, period(100, -100, 0.4, 20));
        levers = life.review(levers, period(300, 100, 0.4, 20));
        levers = life.review(levers, period(400, 300, 0.4, 20)); // 0.25, 0.30 then the cap; subsidy to 0
        assertThat(levers.takeRate()).isCloseTo(0.3, within(EXACT));
        assertThat(levers.subsidy()).isZero();
    }

    @Test
    void lifecycleHarvestsWhenListingsPassTheirThresholdFirst() {
        FeeRule life = FeeRules.create(rule(FeeRuleName.LIFECYCLE, 0.05, 0.3, 0.04, 0.9, 12));
        FeeLevers launch = new FeeLevers(0.05, 0.1);
        assertThat(life.review(launch, period(0, Double.NaN, 0.2, 11))).isEqualTo(launch);
        assertThat(life.review(launch, period(0, 0, 0.2, 12)).takeRate()).isCloseTo(0.10, within(EXACT));
    }

    /**
     * In the platform: the rule sees the change in its cash over the period. A hill-climbing platform whose cash grew
     * 100 in the first period and 40 in the second raises the take at the first review (tick 13) and lowers it at the
     * second (tick 26); a lever set from outside (the classroom window) then fixes it.
     */
    @Test
    void thePlatformReviewsOnItsCashAndALiveOverrideFixesTheRule() {
        Ledger ledger = new Ledger(1, 1);
        int account = Ledger.firmAccount(1);
        List<Firm> firms = List.of(new Firm(0, TestMarkets.firm("seller").onPlatform().build()));
        Platform platform = new Platform(TestMarkets.platform().fees(0.1, 0, 0, 0)
                .feeRule(rule(FeeRuleName.HILL_CLIMBING, 0.02, 0.5, 0, 0, 0)).build(), firms, 0, 0, 0, 0,
                new ScriptedRandom(), ledger, account);
        platform.reviewFees(12, () -> 0.5);
        assertThat(platform.takeRate()).as("not a review tick").isEqualTo(0.1);
        ledger.post(PostingKind.COMMISSION, Ledger.firmAccount(0), account, 100);
        platform.reviewFees(13, () -> 0.5);
        assertThat(platform.takeRate()).isCloseTo(0.12, within(EXACT));
        ledger.post(PostingKind.COMMISSION, Ledger.firmAccount(0), account, 40);
        platform.reviewFees(26, () -> 0.5); // profit 40 < 100: turns down
        assertThat(platform.takeRate()).isCloseTo(0.10, within(EXACT));
        platform.setLevers(0.3, 0);
        ledger.post(PostingKind.COMMISSION, Ledger.firmAccount(0), account, 1000);
        platform.reviewFees(39, () -> 0.5);
        assertThat(platform.takeRate()).as("fixed where the teacher set it").isEqualTo(0.3);
    }
}
