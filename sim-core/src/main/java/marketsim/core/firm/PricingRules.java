package marketsim.core.firm;

import java.util.function.Supplier;

import marketsim.core.config.PricingRuleName;

/** The registry from a pricing rule's name to its implementation (one instance per firm). */
public final class PricingRules {
    private PricingRules() {
    }

    public static PricingRule create(PricingRuleName name) {
        Supplier<PricingRule> factory = switch (name) {
            case COST_PLUS -> CostPlusMarkup::new;
            case HILL_CLIMBING -> HillClimbing::new;
            case BEST_RESPONSE -> LogitBestResponse::new;
        };
        return factory.get();
    }
}
