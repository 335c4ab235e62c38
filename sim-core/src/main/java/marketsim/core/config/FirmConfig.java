package marketsim.core.config;

import java.util.List;

/**
 * A firm's levers, resolved from its archetype bundle and its own overrides.
 *
 * @param name              unique name
 * @param archetype         reporting category
 * @param position          {@code x_j}, product position on the taste circle, [0,1)
 * @param quality           {@code q_j}, quality index (quality units)
 * @param unitCost          {@code c0_j}, cost of goods per unit before any learning (money/unit)
 * @param learning          learning curve of the unit cost in cumulative volume
 * @param pricing           pricing rule
 * @param markup            cost-plus markup: price = full unit cost x (1 + markup)
 * @param feeAware          whether its pricing rule prices off its full marginal cost in each channel (commission
 *                          and per-unit fees passed on, MODEL.md 3) rather than its unit cost alone
 * @param failureRate       {@code f0_j}, probability a sale fails without quality investment
 * @param quality           quality investment, which lowers the failure rate
 * @param service           cost of a service contact
 * @param relationshipRate  {@code eta_j}, relationship stock gained per satisfied purchase
 * @param loyalty           loyalty program
 * @param personalization   personalization achieved and its costs
 * @param marketing         awareness at start and marketing spend
 * @param education         spend per tick on teaching consumers new purchase criteria (money/tick)
 * @param innovation        repositioning: spend per tick, whose tastes it follows and how far ahead it aims
 * @param direct            the direct channel, or null if the firm has no web store (a firm needs
 *                          at least one channel; an archetype bundle may have none)
 * @param platform          its listing on the platform, or null if it does not sell there
 * @param store             its application for the store's shelf, or null
 * @param initialCash       cash at tick 0 (money)
 * @param pool              the seller pool that generated the firm, or null for a named firm
 * @param entrant           a potential entrant: outside the market until the platform pays for it
 * @param owner             who sets its prices: firms with the same owner price jointly under
 *                          best-response pricing (a multi-product firm); null or empty: itself
 * @param range             the categories it offers and whether it extends them toward its customers' needs
 */
public record FirmConfig(String name, Archetype archetype, double position, double quality,
                         double unitCost, Learning learning, PricingRuleName pricing, double markup,
                         boolean feeAware, double failureRate, QualityInvestment qualityInvestment, Service service,
                         double relationshipRate, LoyaltyProgram loyalty,
                         Personalization personalization, Marketing marketing, double education,
                         Innovation innovation, DirectChannel direct,
                         PlatformListing platform, StoreShelf store, double initialCash, String pool,
                         boolean entrant, String owner, Range range) {
    /** A firm offering every category, with no range expansion. */
    public FirmConfig(String name, Archetype archetype, double position, double quality,
                      double unitCost, Learning learning, PricingRuleName pricing, double markup,
                      boolean feeAware, double failureRate, QualityInvestment qualityInvestment, Service service,
                      double relationshipRate, LoyaltyProgram loyalty,
                      Personalization personalization, Marketing marketing, double education,
                      Innovation innovation, DirectChannel direct,
                      PlatformListing platform, StoreShelf store, double initialCash, String pool,
                      boolean entrant, String owner) {
        this(name, archetype, position, quality, unitCost, learning, pricing, markup, feeAware, failureRate,
                qualityInvestment, service, relationshipRate, loyalty, personalization, marketing, education, innovation,
                direct, platform, store, initialCash, pool, entrant, owner, Range.EVERY);
    }

    public FirmConfig {
        range = range == null ? Range.EVERY : range;
    }

    /** The owner's name: the firm's own unless it has another owner. */
    public String ownerName() {
        return owner == null || owner.isEmpty() ? name : owner;
    }

    /**
     * The same firm with another archetype's levers, keeping its identity, position, channels and the categories it
     * offers (range expansion and its cost are levers, and are adopted).
     */
    public FirmConfig adopt(FirmConfig bundle) {
        return new FirmConfig(name, bundle.archetype, position, bundle.quality, bundle.unitCost, bundle.learning,
                bundle.pricing, bundle.markup, bundle.feeAware, bundle.failureRate, bundle.qualityInvestment,
                bundle.service, bundle.relationshipRate, bundle.loyalty, bundle.personalization, bundle.marketing,
                bundle.education, bundle.innovation, direct, platform, store, initialCash, pool, entrant, owner,
                new Range(range.categories, bundle.range.expand, bundle.range.costPerCategory));
    }

    /** The same firm offering {@code categories} (empty: every one), expanding its range or not. */
    public FirmConfig withRange(List<String> categories, boolean expand, double costPerCategory) {
        return new FirmConfig(name, archetype, position, quality, unitCost, learning, pricing, markup, feeAware,
                failureRate, qualityInvestment, service, relationshipRate, loyalty, personalization, marketing, education,
                innovation, direct, platform, store, initialCash, pool, entrant, owner,
                new Range(categories, expand, costPerCategory));
    }

    /**
     * The same firm spending {@code qualitySpend} a tick on quality investment (its halving spend kept),
     * {@code marketingSpend} on marketing (its initial awareness kept) and {@code educationSpend} on teaching
     * purchase criteria: a game's team sets these each round.
     */
    public FirmConfig withSpending(double qualitySpend, double marketingSpend, double educationSpend) {
        return new FirmConfig(name, archetype, position, quality, unitCost, learning, pricing, markup, feeAware,
                failureRate, new QualityInvestment(qualitySpend, qualityInvestment.halvingSpend()), service,
                relationshipRate, loyalty, personalization, new Marketing(marketing.initialAwareness(), marketingSpend),
                educationSpend, innovation, direct, platform, store, initialCash, pool, entrant, owner, range);
    }

    /** The same firm selling through the channels given (null: not that channel; a game's team choosing them). */
    public FirmConfig withChannels(DirectChannel newDirect, PlatformListing newPlatform, StoreShelf newStore) {
        return new FirmConfig(name, archetype, position, quality, unitCost, learning, pricing, markup, feeAware,
                failureRate, qualityInvestment, service, relationshipRate, loyalty, personalization, marketing, education,
                innovation, newDirect, newPlatform, newStore, initialCash, pool, entrant, owner, range);
    }

    /** The same firm as a potential entrant (a seller pool's entrants). */
    public FirmConfig asEntrant() {
        return new FirmConfig(name, archetype, position, quality, unitCost, learning, pricing, markup, feeAware,
                failureRate, qualityInvestment, service, relationshipRate, loyalty, personalization, marketing, education,
                innovation, direct, platform, store, initialCash, pool, true, owner, range);
    }

    /**
     * The categories a firm offers and its range expansion (MODEL.md 3; essay 004). At each review a firm that
     * {@code expand}s adds the category not in its range on which its customers spent most with other sellers
     * since the last review (their unmet need), and pays {@code costPerCategory} a tick for each category it
     * added.
     *
     * @param categories      names of the categories it offers at the start; empty: every category of the market
     * @param expand          whether it extends its range toward its customers' needs at reviews
     * @param costPerCategory money a tick for each category added by expansion
     */
    public record Range(List<String> categories, boolean expand, double costPerCategory) {
        /** Every category, no expansion: the firm of a market without categories. */
        public static final Range EVERY = new Range(List.of(), false, 0);

        public Range {
            categories = List.copyOf(categories);
            if (!(costPerCategory >= 0) || Double.isInfinite(costPerCategory)) {
                throw new IllegalArgumentException("cost per category must be a non-negative number");
            }
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
     * Personalization of the direct channel, with a fixed cost per tick and a cost per customer
     * in the firm's customer base per tick, both paid while it is {@code enabled}, whatever the
     * level (the capability runs even at level 0); disabled, it achieves nothing and costs nothing.
     * It grows with the firm's own data, its cumulative direct sales {@code D}:
     * {@code phi_j = level (1 - exp(-D / dataScale))}; a data scale of 0 gives the full level from
     * the start. Achieved personalization raises the fit (MODEL.md 2.1) and the relationship rate
     * by {@code relationshipBonus phi_j} (MODEL.md 2.2).
     *
     * <p><b>Tenure.</b> The fit to one customer grows with that customer's own purchases from the firm, {@code n_ij}
     * (the firm learns each customer: MODEL.md 3, essay 004): the fit it achieves for consumer i is
     * {@code phi_j (1 - exp(-n_ij / tenureScale))}; a tenure scale of 0 gives every consumer the full {@code phi_j}
     * from the first offer.
     */
    public record Personalization(boolean enabled, double level, double fixedCostPerTick, double costPerCustomer,
                                  double dataScale, double relationshipBonus, double tenureScale) {
        /** Enabled, without a relationship bonus. */
        public Personalization(double level, double fixedCostPerTick, double costPerCustomer, double dataScale) {
            this(true, level, fixedCostPerTick, costPerCustomer, dataScale, 0, 0);
        }

        /** Without tenure: the full fit for every consumer. */
        public Personalization(boolean enabled, double level, double fixedCostPerTick, double costPerCustomer,
                               double dataScale, double relationshipBonus) {
            this(enabled, level, fixedCostPerTick, costPerCustomer, dataScale, relationshipBonus, 0);
        }

        /** The share of the fit achieved for a customer after {@code purchases} purchases from the firm. */
        public double tenureFit(double purchases) {
            return tenureScale <= 0 ? 1 : 1 - Math.exp(-purchases / tenureScale);
        }

        /** Personalization achieved after {@code directSales} direct transactions. */
        public double achieved(double directSales) {
            if (!enabled) {
                return 0;
            }
            return dataScale <= 0 ? level : level * (1 - Math.exp(-directSales / dataScale));
        }

        /** The fixed cost paid this tick: the configured one while enabled, whatever the level. */
        public double fixedCostInForce() {
            return enabled ? fixedCostPerTick : 0;
        }

        /** The cost per customer paid this tick: the configured one while enabled, whatever the level. */
        public double costPerCustomerInForce() {
            return enabled ? costPerCustomer : 0;
        }
    }

    /**
     * Learning curve {@code c(Q) = c0 (1 + Q / scale)^(-rate)} in cumulative units {@code Q};
     * a rate of 0 keeps the unit cost flat.
     */
    public record Learning(double rate, double scale) {
        public double cost(double c0, double cumulativeUnits) {
            return rate == 0 ? c0 : c0 * Math.pow(1 + cumulativeUnits / scale, -rate);
        }
    }

    /**
     * Spend per tick on quality (inspection, better parts) lowering the failure rate:
     * {@code f = f0 / (1 + spend / halvingSpend)}.
     */
    public record QualityInvestment(double spendPerTick, double halvingSpend) {
        public double failureRate(double base) {
            return spendPerTick <= 0 ? base : base / (1 + spendPerTick / halvingSpend);
        }
    }

    /** What one service contact (a complaint about a failure, or a question) costs the seller. */
    public record Service(double costPerContact) {
    }

    /**
     * Innovation (MODEL.md 2.5): each tick the firm pays {@code spend} and moves its product toward where its
     * {@code target}'s tastes are going, {@code lead} ticks ahead of where they are now.
     *
     * @param spend  money per tick (0: no innovation)
     * @param target whose tastes it follows
     * @param lead   ticks ahead it aims, extrapolating the target's observed velocity (0: where it is now)
     */
    public record Innovation(double spend, Target target, double lead) {
        public static final Innovation NONE = new Innovation(0, Target.CUSTOMERS, 0);

        /** Whose tastes an innovating firm follows. */
        public enum Target {
            /** Its own customers' circular mean taste. */
            CUSTOMERS("customers"),
            /** The whole market's movement: its starting place, carried along by the mean taste displacement. */
            MARKET("market");

            private final String key;

            Target(String key) {
                this.key = key;
            }

            public String key() {
                return key;
            }
        }

        public boolean innovates() {
            return spend > 0;
        }
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
