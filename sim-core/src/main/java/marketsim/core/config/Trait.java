package marketsim.core.config;

/**
 * The heterogeneous traits of a consumer (MODEL.md section 2). Each segment gives every trait
 * a distribution; values are clipped to the trait's valid range, except the taste position,
 * which wraps around the unit circle.
 */
public enum Trait {
    /** {@code alpha_i}: utility lost per money unit of price (utils/money). */
    PRICE_SENSITIVITY("price_sensitivity"),
    /** {@code beta_i}: utility per unit of quality (utils/quality). */
    QUALITY_WEIGHT("quality_weight"),
    /** {@code gamma_i}: utility per unit of relationship stock (utils). */
    RELATIONSHIP_WEIGHT("relationship_weight"),
    /** {@code t_i}: utility lost per unit of circular taste distance (utils/distance). */
    MISMATCH_COST("mismatch_cost"),
    /** {@code lambda_i}: probability of a purchase occasion per tick. */
    PURCHASE_PROBABILITY("purchase_probability"),
    /** {@code s_i}: utility lost when buying from a firm other than the last supplier (utils). */
    SWITCHING_COST("switching_cost"),
    /** {@code a_i,direct}: utility of buying through a firm's own direct channel (utils). */
    DIRECT_AFFINITY("direct_affinity"),
    /** {@code a_i,platform}: utility of buying through the platform (utils). */
    PLATFORM_AFFINITY("platform_affinity"),
    /** {@code a_i,store}: utility of buying in the store (utils). */
    STORE_AFFINITY("store_affinity"),
    /** {@code pi_i}: how much personalization reduces this consumer's taste mismatch, in [0,1]. */
    PERSONALIZATION_RESPONSIVENESS("personalization_responsiveness"),
    /** {@code e_i}: the quality this consumer expects; satisfaction is realized quality minus it. */
    QUALITY_EXPECTATION("quality_expectation"),
    /** {@code tau_i}: taste position on the unit circle, in [0,1). */
    TASTE("taste");

    private final String key;

    Trait(String key) {
        this.key = key;
    }

    /** The trait's name in scenario files. */
    public String key() {
        return key;
    }

    /** True for the taste position, which wraps modulo 1 instead of being clipped. */
    public boolean circular() {
        return this == TASTE;
    }
}
