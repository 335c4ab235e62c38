package marketsim.core.firm;

/** How a firm sets its list price for the coming tick, from a frozen view of itself. */
@FunctionalInterface
public interface PricingRule {
    /** The list price for the next tick (money/unit). */
    double price(Firm firm);
}
