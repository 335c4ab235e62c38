package marketsim.core;

/**
 * The order of work within a tick (MODEL.md section 1); a phase's ordinal is its MASON
 * schedule ordering, so every tick runs them in this order.
 */
public enum Phase {
    /** Firms set prices and spend from a frozen view of last tick, then commit together. */
    FIRMS_DECIDE,
    /** Platform fees, ranking, subsidies; store shelf. No intermediary exists yet. */
    INTERMEDIARIES_DECIDE,
    /** Consumers shop, in a random order each tick. */
    CONSUMERS_SHOP,
    /** Satisfaction, failures and relationship updates of the tick's purchases; decay. */
    AFTERMATH,
    /** Fixed costs are posted, the tick's metrics recorded. */
    ACCOUNTING
}
