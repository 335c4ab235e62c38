package marketsim.core.firm;

/**
 * Adaptive cost-plus pricing: {@code p = C (1 + markup)} with {@code C} the full unit cost, as in
 * {@link CostPlusMarkup}, so it starts from a price that passes its fees on; at each review the markup
 * moves by {@code markupStep} in the current direction, and the direction reverses when the period's
 * profit (after every fee) fell below the previous period's (hill-climbing on recent profit). The
 * markup never goes below zero.
 */
public final class HillClimbing implements PricingRule {
    private double direction = 1;

    @Override
    public double price(Firm firm) {
        return firm.fullUnitCost() * (1 + firm.markup());
    }

    @Override
    public void review(Firm firm, ReviewContext context) {
        if (!Double.isNaN(firm.previousPeriodProfit()) && firm.periodProfit() < firm.previousPeriodProfit()) {
            direction = -direction;
        }
        firm.setMarkup(Math.max(0, firm.markup() + direction * context.markupStep()));
    }
}
