package marketsim.core.config;

import java.util.Arrays;
import java.util.Optional;

/** Names of pricing rules in scenario files; {@code marketsim.core.firm.PricingRules} builds them. */
public enum PricingRuleName {
    /** Price = full unit cost (fees passed on) x (1 + markup). */
    COST_PLUS("cost-plus"),
    /** Markup moves by a step each review, reversing direction when profit fell. */
    HILL_CLIMBING("hill-climbing"),
    /** Logit best response: the profit-maximizing price on the logit demand faced, after each channel's fees. */
    BEST_RESPONSE("best-response");

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
