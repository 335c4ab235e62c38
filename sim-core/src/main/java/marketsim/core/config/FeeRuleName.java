package marketsim.core.config;

import java.util.Arrays;
import java.util.Optional;

/** Names of the platform's fee rules in scenario files; {@code marketsim.core.platform.FeeRules} builds them. */
public enum FeeRuleName {
    /** Take rate and subsidy stay as configured. */
    FIXED("fixed"),
    /** The take rate moves by a step each fee review, reversing direction when the platform's profit fell. */
    HILL_CLIMBING("hill-climbing"),
    /** Subsidise until members or listings pass a threshold, then cut the subsidy and raise the take rate stepwise. */
    LIFECYCLE("lifecycle");

    private final String key;

    FeeRuleName(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<FeeRuleName> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
