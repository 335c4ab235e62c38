package marketsim.core.firm;

/**
 * Cost-plus pricing: {@code p = C (1 + markup)}, with {@code C} the firm's full unit cost (its unit cost with each
 * channel's commission and per-unit fees passed on, {@link Firm#fullUnitCost}).
 */
public final class CostPlusMarkup implements PricingRule {
    @Override
    public double price(Firm firm) {
        return firm.fullUnitCost() * (1 + firm.markup());
    }
}
