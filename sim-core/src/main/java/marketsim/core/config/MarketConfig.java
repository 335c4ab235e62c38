package marketsim.core.config;

import java.util.List;

/**
 * Everything one run needs, already validated: the resolved scenario in model terms.
 *
 * @param horizon            ticks (weeks) to simulate
 * @param population         consumers
 * @param rules              market-wide consumer-side rules
 * @param firms              the competing firms
 * @param summaryWindow      ticks at the end of the run summarised per replication
 * @param discountRatePerTick {@code i} in the customer lifetime value {@code m r / (1 + i - r)}
 */
public record MarketConfig(int horizon, PopulationConfig population, MarketRules rules,
                           List<FirmConfig> firms, int summaryWindow, double discountRatePerTick) {
    /** Direct-channel firms are tracked in a 64-bit awareness mask per consumer. */
    public static final int MAX_DIRECT_FIRMS = 64;

    public MarketConfig {
        if (horizon < 1 || firms.isEmpty() || firms.size() > MAX_DIRECT_FIRMS) {
            throw new IllegalArgumentException("need 1.." + MAX_DIRECT_FIRMS + " firms and a horizon");
        }
        if (summaryWindow < 1 || summaryWindow > horizon) {
            throw new IllegalArgumentException("summary window must be within the horizon");
        }
        firms = List.copyOf(firms);
    }
}
