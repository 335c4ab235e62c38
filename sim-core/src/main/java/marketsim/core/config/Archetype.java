package marketsim.core.config;

import java.util.Arrays;
import java.util.Optional;

/** The strategy categories results are reported by (after Jeo, essay 002). */
public enum Archetype {
    PRODUCT_FOCUSED("product-focused"),
    CUSTOMER_FOCUSED("customer-focused"),
    /** The hybrid platform's business: its private label and its marketplace fees. */
    HYBRID_PLATFORM("hybrid-platform");

    private final String key;

    Archetype(String key) {
        this.key = key;
    }

    /** The archetype's name in scenario files and results. */
    public String key() {
        return key;
    }

    public static Optional<Archetype> byKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
