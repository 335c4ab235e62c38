package marketsim.core.platform;

/**
 * Subsidise to grow, then harvest (the platform life cycle: Rochet and Tirole 2003 on subsidising the side whose
 * participation brings the other; Jeo, essay 002, section 3 on deep discounting). The platform keeps its launch
 * levers (the configured take rate and subsidy) until, at a fee review, the share of consumers who are members
 * reaches {@code memberThreshold} or the listed sellers reach {@code sellerThreshold} (0: listings do not count).
 * From that review on, for good, each review cuts the subsidy by {@code subsidyStep} (not below 0) and raises the
 * take rate by {@code takeStep} up to {@code max} (a launch take rate above it is kept, never cut).
 */
final class LifecycleFees implements FeeRule {
    private final double takeStep;
    private final double max;
    private final double subsidyStep;
    private final double memberThreshold;
    private final int sellerThreshold;
    private boolean harvesting;

    LifecycleFees(double takeStep, double max, double subsidyStep, double memberThreshold, int sellerThreshold) {
        this.takeStep = takeStep;
        this.max = max;
        this.subsidyStep = subsidyStep;
        this.memberThreshold = memberThreshold;
        this.sellerThreshold = sellerThreshold;
    }

    @Override
    public FeeLevers review(FeeLevers now, FeeReview period) {
        harvesting |= period.memberShare() >= memberThreshold
                || sellerThreshold > 0 && period.listedSellers() >= sellerThreshold;
        if (!harvesting) {
            return now;
        }
        double take = now.takeRate() >= max ? now.takeRate() : Math.min(max, now.takeRate() + takeStep);
        return new FeeLevers(take, Math.max(0, now.subsidy() - subsidyStep));
    }
}
