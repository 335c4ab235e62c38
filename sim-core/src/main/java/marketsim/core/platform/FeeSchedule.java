package marketsim.core.platform;

import marketsim.core.config.PlatformConfig;

/**
 * When and on what the platform reviews its fee levers (MODEL.md 4; ODD 7.5): every {@code reviewEvery} ticks from
 * then on, its {@link FeeRule} sets the take rate and subsidy from the period's profit (the change in the platform's
 * cash since the last fee review, everything included), the previous period's, the member share and the listed
 * sellers. From outside (the classroom's levers) the rule may be frozen, {@link FixedFees} in its place, and let
 * move the levers again from where they stand (the same rule, its memory kept).
 */
final class FeeSchedule {
    private final int reviewEvery;
    private final FeeRule configured;
    private FeeRule rule;
    private double cashAtReview;
    private double lastProfit = Double.NaN;

    /** @param initialCash the platform's cash at tick 0 (money), from which the first period's profit counts */
    FeeSchedule(PlatformConfig.FeeRule config, double initialCash) {
        this.reviewEvery = config.reviewEvery();
        this.configured = FeeRules.create(config);
        this.rule = configured;
        this.cashAtReview = initialCash;
    }

    boolean due(int tick) {
        return tick > 0 && tick % reviewEvery == 0;
    }

    /** The levers for the coming period, from those {@code now} and the period ending with the platform's {@code cash}. */
    FeeLevers review(FeeLevers now, double cash, double memberShare, int listedSellers) {
        double profit = cash - cashAtReview;
        FeeLevers next = rule.review(now, new FeeReview(profit, lastProfit, memberShare, listedSellers));
        cashAtReview = cash;
        lastProfit = profit;
        return next;
    }

    /** The configured rule moves the levers ({@code true}), or they stay where they are (false). */
    void setRuleOn(boolean on) {
        rule = on ? configured : new FixedFees();
    }

    boolean ruleOn() {
        return rule == configured;
    }
}
