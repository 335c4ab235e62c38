package marketsim.core.config;

import java.util.Arrays;
import java.util.Optional;

/** Names of pricing rules in scenario files; {@code marketsim.core.firm.PricingRules} builds them. */
public enum PricingRuleName {
    /** Price = unit cost x (1 + markup). */
    COST_PLUS("cost-plus");

    private final String key;

    PricingRuleName(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<PricingRuleName> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
