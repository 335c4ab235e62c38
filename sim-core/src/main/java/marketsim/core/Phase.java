package marketsim.core;

/**
 * The order of work within a tick (MODEL.md section 1); a phase's ordinal is its MASON
 * schedule ordering, so every tick runs them in this order.
 */
public enum Phase {
    /**
     * Reviews (adaptation, imitation, exit); firms set prices from a frozen view of last tick and
     * commit together; innovation, education and marketing spend; listing and shelf applications.
     */
    FIRMS_DECIDE,
    /** The platform ranks every taste bin and sells its sponsored slots; the store fills its shelf. */
    INTERMEDIARIES_DECIDE,
    /** Consumers shop, in a random order each tick. */
    CONSUMERS_SHOP,
    /**
     * The tick's purchases are experienced; word of mouth; relationships decay, tastes drift,
     * teaching tilt decays; customers are counted; consumers join or leave the platform.
     */
    AFTERMATH,
    /** Per-tick costs and fees are posted, the tick's tallies read from the ledger and recorded. */
    ACCOUNTING
}
