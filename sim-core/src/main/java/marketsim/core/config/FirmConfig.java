package marketsim.core.config;

/**
 * A firm's levers, resolved from its archetype bundle and its own overrides.
 *
 * @param name              unique name
 * @param archetype         reporting category
 * @param position          {@code x_j}, product position on the taste circle, [0,1)
 * @param quality           {@code q_j}, quality index (quality units)
 * @param unitCost          {@code c_j}, cost of goods per unit (money/unit)
 * @param pricing           pricing rule
 * @param markup            cost-plus markup: price = unit cost x (1 + markup)
 * @param failureRate       {@code f_j}, probability a sale fails
 * @param relationshipRate  {@code eta_j}, relationship stock gained per satisfied purchase
 * @param loyalty           loyalty program
 * @param personalization   personalization achieved and its costs
 * @param marketing         awareness at start and marketing spend
 * @param direct            the direct channel, or null if the firm has no web store
 * @param platform          its listing on the platform, or null if it does not sell there
 * @param store             its application for the store's shelf, or null
 * @param initialCash       cash at tick 0 (money)
 * @param pool              the seller pool that generated the firm, or null for a named firm
 */
public record FirmConfig(String name, Archetype archetype, double position, double quality,
                         double unitCost, PricingRuleName pricing, double markup, double failureRate,
                         double relationshipRate, LoyaltyProgram loyalty,
                         Personalization personalization, Marketing marketing, DirectChannel direct,
                         PlatformListing platform, StoreShelf store, double initialCash, String pool) {
    public FirmConfig {
        if (direct == null && platform == null && store == null) {
            throw new IllegalArgumentException("firm " + name + " has no channel");
        }
    }

    /** The private label of the hybrid platform: sells only there, owned by the platform. */
    public boolean privateLabel() {
        return archetype == Archetype.HYBRID_PLATFORM;
    }

    /** A discount to returning customers that also raises the relationship rate. */
    public record LoyaltyProgram(boolean enabled, double discount, double relationshipBonus) {
        /** The discount a returning customer gets: zero without a program. */
        public double effectiveDiscount() {
            return enabled ? discount : 0;
        }

        /** The relationship rate with the program's bonus, capped at 1. */
        public double effectiveRate(double baseRate) {
            return enabled ? Math.min(1, baseRate + relationshipBonus) : baseRate;
        }
    }

    /**
     * Personalization {@code phi_j} in [0,1] the direct channel achieves, with a fixed cost per
     * tick and a cost per customer in the firm's customer base per tick.
     */
    public record Personalization(double level, double fixedCostPerTick, double costPerCustomer) {
    }

    /** Share of consumers aware at start, and spend per tick on reaching new consumers. */
    public record Marketing(double initialAwareness, double spendPerTick) {
    }

    /** The firm's own web store, with its fixed cost per tick. */
    public record DirectChannel(double fixedCostPerTick) {
    }

    /**
     * Selling on the platform. {@code adBid} is the most the seller will pay per sponsored sale,
     * as a share of its price; it never bids more than its unit margin after fees.
     */
    public record PlatformListing(double adBid) {
    }

    /** Applying for a slot on the store's shelf (the store chooses among applicants). */
    public record StoreShelf() {
    }
}
