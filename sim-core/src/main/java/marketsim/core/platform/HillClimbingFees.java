package marketsim.core.platform;

/**
 * Hill-climbing on the platform's profit, as a firm's {@code HillClimbing} on its markup: at each fee review the take
 * rate moves by {@code step} in the current direction, starting upward, and the direction reverses when the period's
 * profit fell below the previous period's; the take rate stays in {@code [0, max]}. The subsidy is left alone.
 */
final class HillClimbingFees implements FeeRule {
    private final double step;
    private final double max;
    private double direction = 1;

    HillClimbingFees(double step, double max) {
        this.step = step;
        this.max = max;
    }

    @Override
    public FeeLevers review(FeeLevers now, FeeReview period) {
        if (!Double.isNaN(period.previousProfit()) && period.profit() < period.previousProfit()) {
            direction = -direction;
        }
        double take = Math.min(max, Math.max(0, now.takeRate() + direction * step));
        return new FeeLevers(take, now.subsidy());
    }
}
