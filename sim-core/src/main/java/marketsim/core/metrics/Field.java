package marketsim.core.metrics;

/**
 * Raw quantities tallied per firm and tick. Every field adds up across firms, so an archetype's
 * or the market's value is the sum of its firms'; across ticks, {@link Kind#FLOW} fields add up
 * and {@link Kind#STOCK} fields are read at the last tick. Named metrics ({@link Metric}) are
 * ratios of these, computed after aggregation, never averaged ratios.
 */
public enum Field {
    FIRMS(Kind.STOCK),
    TICKS(Kind.FLOW),
    UNITS(Kind.FLOW),
    /** Money consumers paid (after loyalty discounts). */
    REVENUE(Kind.FLOW),
    /** List-price revenue given up to returning customers. */
    LOYALTY_DISCOUNTS(Kind.FLOW),
    COST_OF_GOODS(Kind.FLOW),
    FIXED_COSTS(Kind.FLOW),
    MARKETING_COSTS(Kind.FLOW),
    PERSONALIZATION_COSTS(Kind.FLOW),
    /** The per-customer part of personalization costs: a variable cost of serving customers. */
    PER_CUSTOMER_COSTS(Kind.FLOW),
    CASH(Kind.STOCK),
    /** Purchases by consumers whose previous purchase was from this firm. */
    REPEAT_OPPORTUNITIES(Kind.FLOW),
    /** Of those, purchases from this firm again. */
    RETAINED(Kind.FLOW),
    FAILURES(Kind.FLOW),
    /** Consumers whose last supplier switched away from this firm this tick. */
    LOST_CUSTOMERS(Kind.FLOW),
    /** Customers at the start of the tick, summed over ticks: customer-ticks. */
    CUSTOMER_TICKS(Kind.FLOW),
    /** Consumers whose last supplier is this firm. */
    CUSTOMERS(Kind.STOCK),
    PROMOTERS(Kind.STOCK),
    DETRACTORS(Kind.STOCK),
    /** Sum of the customers' relationship stock with this firm. */
    RELATIONSHIP_SUM(Kind.STOCK),
    /** Consumers aware of this firm. */
    AWARE(Kind.STOCK),
    /** Consumers reached by marketing this tick (including those already aware). */
    CONTACTS(Kind.FLOW),
    // Market-only fields (zero for a firm):
    POPULATION(Kind.STOCK),
    OCCASIONS(Kind.FLOW),
    OUTSIDE_CHOICES(Kind.FLOW),
    /** Log-sum consumer surplus over all purchase occasions (money). */
    CONSUMER_SURPLUS(Kind.FLOW),
    /** Sum of squared unit shares of firms: filled in on aggregation, never summed. */
    SQUARED_UNIT_SHARES(Kind.STOCK);

    /** How a field combines across ticks. */
    public enum Kind { FLOW, STOCK }

    public static final int COUNT = values().length;

    private final Kind kind;

    Field(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
