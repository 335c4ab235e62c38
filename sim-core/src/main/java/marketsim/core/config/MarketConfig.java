package marketsim.core.config;

import java.util.List;
import java.util.Map;

/**
 * Everything one run needs, already validated: the resolved scenario in model terms.
 *
 * @param horizon            ticks (weeks) to simulate
 * @param population         consumers
 * @param rules              market-wide consumer-side rules
 * @param firms              the competing firms (named firms, then pool-generated sellers)
 * @param archetypes         each archetype's lever bundle (what an imitating firm adopts)
 * @param platform           the hybrid platform, or null
 * @param store              the store, or null
 * @param wordOfMouth        word of mouth on the social network
 * @param dynamics           taste drift, teaching, customer dominance, adaptation
 * @param summaryWindow      ticks at the end of the run summarised per replication
 * @param discountRatePerTick {@code i} in the customer lifetime value {@code m r / (1 + i - r)}
 * @param lapseWindow        ticks without a purchase after which a customer has lapsed: it leaves its last
 *                           supplier's customer base and counts as lost, as one who switches does; 0: never
 * @param categories         the categories of need and the cross-category reach of a relationship
 *                           ({@link Categories#NONE}: one category)
 * @param tenureBand         ticks of each tenure band in the wallet metrics (new, established, long-standing)
 * @param stop               conditions that end a run before its horizon ({@link StopRule#NONE}: none)
 */
public record MarketConfig(int horizon, PopulationConfig population, MarketRules rules,
                           List<FirmConfig> firms, Map<Archetype, FirmConfig> archetypes,
                           PlatformConfig platform, StoreConfig store,
                           WordOfMouthConfig wordOfMouth, DynamicsConfig dynamics,
                           int summaryWindow, double discountRatePerTick, int lapseWindow, Categories categories,
                           int tenureBand, StopRule stop) {
    /** The default tenure band: half a year. */
    public static final int DEFAULT_TENURE_BAND = 26;
    /** Direct-channel firms are tracked in a 64-bit awareness mask per consumer. */
    public static final int MAX_DIRECT_FIRMS = 64;
    /** Firms are indexed by shorts in consumers' relationship memory. */
    public static final int MAX_FIRMS = 10_000;

    /** Every run to its horizon. */
    public MarketConfig(int horizon, PopulationConfig population, MarketRules rules, List<FirmConfig> firms,
                        Map<Archetype, FirmConfig> archetypes, PlatformConfig platform, StoreConfig store,
                        WordOfMouthConfig wordOfMouth, DynamicsConfig dynamics, int summaryWindow,
                        double discountRatePerTick, int lapseWindow, Categories categories, int tenureBand) {
        this(horizon, population, rules, firms, archetypes, platform, store, wordOfMouth, dynamics, summaryWindow,
                discountRatePerTick, lapseWindow, categories, tenureBand, StopRule.NONE);
    }

    /** Customers who never lapse: only switching loses them. */
    public MarketConfig(int horizon, PopulationConfig population, MarketRules rules, List<FirmConfig> firms,
                        Map<Archetype, FirmConfig> archetypes, PlatformConfig platform, StoreConfig store,
                        WordOfMouthConfig wordOfMouth, DynamicsConfig dynamics, int summaryWindow,
                        double discountRatePerTick) {
        this(horizon, population, rules, firms, archetypes, platform, store, wordOfMouth, dynamics, summaryWindow,
                discountRatePerTick, 0);
    }

    /** One category. */
    public MarketConfig(int horizon, PopulationConfig population, MarketRules rules, List<FirmConfig> firms,
                        Map<Archetype, FirmConfig> archetypes, PlatformConfig platform, StoreConfig store,
                        WordOfMouthConfig wordOfMouth, DynamicsConfig dynamics, int summaryWindow,
                        double discountRatePerTick, int lapseWindow) {
        this(horizon, population, rules, firms, archetypes, platform, store, wordOfMouth, dynamics, summaryWindow,
                discountRatePerTick, lapseWindow, Categories.NONE, DEFAULT_TENURE_BAND);
    }

    /**
     * Whether consumers keep, per remembered firm, the purchases, categories and tenure of their history with it
     * ({@code consumer.Wallet}): in a market with categories, or when a firm's fit grows with tenure.
     */
    public boolean keepsWallets() {
        return categories.declared() || firms.stream().anyMatch(f -> f.personalization().tenureScale() > 0);
    }

    public MarketConfig {
        stop = stop == null ? StopRule.NONE : stop;
        if (horizon < 1 || firms.isEmpty() || firms.size() > MAX_FIRMS
                || firms.stream().filter(f -> f.direct() != null).count() > MAX_DIRECT_FIRMS) {
            throw new IllegalArgumentException("need 1.." + MAX_FIRMS + " firms, at most " + MAX_DIRECT_FIRMS
                    + " with a direct channel, and a horizon");
        }
        if (firms.stream().anyMatch(f -> f.direct() == null && f.platform() == null && f.store() == null)) {
            throw new IllegalArgumentException("every firm needs a channel");
        }
        if (platform == null && firms.stream().anyMatch(f -> f.platform() != null)) {
            throw new IllegalArgumentException("a firm lists on a platform the market does not have");
        }
        if (store == null && firms.stream().anyMatch(f -> f.store() != null)) {
            throw new IllegalArgumentException("a firm applies to a store the market does not have");
        }
        if (lapseWindow < 0) {
            throw new IllegalArgumentException("lapse window must not be negative");
        }
        if (summaryWindow < 1 || summaryWindow > horizon) {
            throw new IllegalArgumentException("summary window must be within the horizon");
        }
        if (tenureBand < 1) {
            throw new IllegalArgumentException("tenure band must be at least a tick");
        }
        for (FirmConfig f : firms) {
            if (categories.mask(f.range().categories()) == 0) {
                throw new IllegalArgumentException("firm " + f.name() + " offers no category");
            }
        }
        for (SegmentConfig s : population.segments()) {
            if (s.needs() > categories.count()) {
                throw new IllegalArgumentException("segment " + s.name() + " needs more categories than the market has");
            }
        }
        firms = List.copyOf(firms);
        archetypes = Map.copyOf(archetypes);
    }
}
