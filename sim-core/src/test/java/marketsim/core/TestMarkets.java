package marketsim.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import marketsim.core.config.Archetype;
import marketsim.core.config.Distribution;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.config.SegmentConfig;
import marketsim.core.config.Trait;
import marketsim.core.config.TraitSpec;

/** Small hand-built markets for sim-core tests (the scenario module is not visible here). */
public final class TestMarkets {
    private TestMarkets() {
    }

    /** A segment where every trait is the given constant (others zero; taste uniform). */
    public static SegmentConfig constantSegment(String name, double share, Map<Trait, Double> values) {
        Map<Trait, TraitSpec> traits = new EnumMap<>(Trait.class);
        for (Trait t : Trait.values()) {
            Distribution d = t == Trait.TASTE && !values.containsKey(t)
                    ? new Distribution.Uniform(0, 1)
                    : new Distribution.Constant(values.getOrDefault(t, 0.0));
            traits.put(t, new TraitSpec(d, -1e9, 1e9));
        }
        return new SegmentConfig(name, share, traits);
    }

    /** A plain firm: cost-plus, no failures, no relationship building, everyone aware. */
    public static FirmConfig firm(String name, double unitCost, double markup, double quality) {
        return firm(name, Archetype.PRODUCT_FOCUSED, 0.0, unitCost, markup, quality, 0);
    }

    /** A plain firm of {@code archetype} (unit cost 1, markup 0.2, quality 0.5, at position 0). */
    public static FirmConfig firm(String name, Archetype archetype) {
        return firm(name, archetype, 0.0, 1, 0.2, 0.5, 0);
    }

    /** A plain firm at {@code position} that spends {@code innovation} a tick on repositioning. */
    public static FirmConfig innovator(String name, double position, double innovation) {
        return firm(name, Archetype.CUSTOMER_FOCUSED, position, 1, 0.2, 0.5, innovation);
    }

    private static FirmConfig firm(String name, Archetype archetype, double position, double unitCost, double markup,
                                   double quality, double innovation) {
        return new FirmConfig(name, archetype, position, quality, unitCost, new FirmConfig.Learning(0, 1),
                PricingRuleName.COST_PLUS, markup, 0.0, new FirmConfig.QualityInvestment(0, 1), new FirmConfig.Service(0),
                0.0, new FirmConfig.LoyaltyProgram(false, 0, 0),
                new FirmConfig.Personalization(0, 0, 0, 0), new FirmConfig.Marketing(1.0, 0), 0, innovation,
                new FirmConfig.DirectChannel(0), null, null, 0, null, false, null);
    }

    public static MarketRules rules(double decay) {
        return new MarketRules(decay, 8, 0.1, 1, 0.7, 0.3, 0.05, 1.0, 0.0);
    }

    public static MarketConfig market(int consumers, int horizon, double outsideUtility,
                                      List<SegmentConfig> segments, List<FirmConfig> firms) {
        return new MarketConfig(horizon, new PopulationConfig(consumers, 4, outsideUtility, segments),
                rules(0.02), firms, java.util.Map.of(), null, null, new marketsim.core.config.WordOfMouthConfig(0, 0, 10, 0.1),
                noDynamics(), Math.min(horizon, 10), 0.0018);
    }

    /** No drift, no teaching effect, no dominance, reviews every 4 ticks without imitation or exit. */
    public static DynamicsConfig noDynamics() {
        return new DynamicsConfig(0, new DynamicsConfig.Teaching(0, 0, 0, 0, 0), 1,
                new DynamicsConfig.CustomerDominance(false, 1), new DynamicsConfig.Adaptation(4, 0.02, 0, 0, 0.5));
    }

    public static List<FirmConfig> with(List<FirmConfig> firms, FirmConfig extra) {
        List<FirmConfig> out = new ArrayList<>(firms);
        out.add(extra);
        return out;
    }
}
