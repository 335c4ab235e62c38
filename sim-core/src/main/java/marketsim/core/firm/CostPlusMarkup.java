package marketsim.core.firm;

/** Cost-plus pricing: {@code p = c (1 + markup)}, with {@code c} the current unit cost. */
public final class CostPlusMarkup implements PricingRule {
    @Override
    public double price(Firm firm) {
        return firm.unitCost() * (1 + firm.markup());
    }
}
