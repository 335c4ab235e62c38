package marketsim.core.metrics;

/**
 * Raw quantities tallied per tick for each firm, the platform, the store and the market. Every
 * field adds up across entities, so an archetype's or the market's value is the sum of its
 * members'; across ticks, {@link Kind#FLOW} fields add up and {@link Kind#STOCK} fields are read
 * at the last tick. Named metrics ({@link Metric}) are ratios of these, computed after
 * aggregation, never averaged ratios.
 */
public enum Field {
    FIRMS(Kind.STOCK),
    /** Firms with a direct channel (awareness is of these). */
    DIRECT_FIRMS(Kind.STOCK),
    UNITS(Kind.FLOW),
    DIRECT_UNITS(Kind.FLOW),
    PLATFORM_UNITS(Kind.FLOW),
    STORE_UNITS(Kind.FLOW),
    /** Money consumers paid sellers (list prices, after loyalty discounts, before subsidies). */
    REVENUE(Kind.FLOW),
    /** List-price revenue given up to returning customers. */
    LOYALTY_DISCOUNTS(Kind.FLOW),
    COST_OF_GOODS(Kind.FLOW),
    FIXED_COSTS(Kind.FLOW),
    MARKETING_COSTS(Kind.FLOW),
    PERSONALIZATION_COSTS(Kind.FLOW),
    /** The per-customer part of personalization costs: a variable cost of serving customers. */
    PER_CUSTOMER_COSTS(Kind.FLOW),
    // Fees sellers pay intermediaries:
    COMMISSION_PAID(Kind.FLOW),
    AD_FEES_PAID(Kind.FLOW),
    FULFILMENT_PAID(Kind.FLOW),
    LISTING_FEES_PAID(Kind.FLOW),
    SLOTTING_PAID(Kind.FLOW),
    RETAIL_MARGIN_PAID(Kind.FLOW),
    // What intermediaries receive and spend:
    PLATFORM_FEES_RECEIVED(Kind.FLOW),
    AD_REVENUE(Kind.FLOW),
    STORE_FEES_RECEIVED(Kind.FLOW),
    SLOTTING_REVENUE(Kind.FLOW),
    SUBSIDIES_PAID(Kind.FLOW),
    /** Intermediaries' own fixed and fulfilment costs. */
    INTERMEDIARY_COSTS(Kind.FLOW),
    /** List-price value of sales through the platform. */
    GMV(Kind.FLOW),
    MEMBERS(Kind.STOCK),
    ACTIVE_SELLERS(Kind.STOCK),
    STOCKED_SELLERS(Kind.STOCK),
    /** Purchases (any channel) by consumers whose previous purchase was on the platform. */
    CHANNEL_REPEAT_OPPORTUNITIES(Kind.FLOW),
    /** Of those, purchases on the platform again. */
    CHANNEL_RETAINED(Kind.FLOW),
    /** Recommendation quality phi of the platform at the end of the tick. */
    RECOMMENDATION_QUALITY(Kind.STOCK),
    CASH(Kind.STOCK),
    /** Purchases by consumers whose previous purchase was from this firm. */
    REPEAT_OPPORTUNITIES(Kind.FLOW),
    /** Of those, purchases from this firm again. */
    RETAINED(Kind.FLOW),
    FAILURES(Kind.FLOW),
    /** Service contacts caused by failures (Seddon's failure demand). */
    FAILURE_CONTACTS(Kind.FLOW),
    /** Service contacts that are not caused by failures (value demand). */
    VALUE_CONTACTS(Kind.FLOW),
    SERVICE_COSTS(Kind.FLOW),
    EDUCATION_COSTS(Kind.FLOW),
    INNOVATION_COSTS(Kind.FLOW),
    QUALITY_COSTS(Kind.FLOW),
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
    TICKS(Kind.FLOW),
    POPULATION(Kind.STOCK),
    /** Sum of consumers' teaching tilt. */
    TILT_SUM(Kind.STOCK),
    OCCASIONS(Kind.FLOW),
    OUTSIDE_CHOICES(Kind.FLOW),
    /** Log-sum consumer surplus over all purchase occasions (money). */
    CONSUMER_SURPLUS(Kind.FLOW),
    /** Sum of squared unit shares of firms, per tick, summed over ticks. */
    SQUARED_UNIT_SHARES(Kind.FLOW);

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
