package marketsim.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import marketsim.core.config.Archetype;
import marketsim.core.config.Distribution;
import marketsim.core.config.DynamicsConfig;
import marketsim.core.config.FeeRuleName;
import marketsim.core.config.FirmConfig;
import marketsim.core.config.MarketConfig;
import marketsim.core.config.MarketRules;
import marketsim.core.config.PlatformConfig;
import marketsim.core.config.PopulationConfig;
import marketsim.core.config.PricingRuleName;
import marketsim.core.config.SegmentConfig;
import marketsim.core.config.Trait;
import marketsim.core.config.TraitSpec;
import marketsim.core.config.WordOfMouthConfig;

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
        return firm(name).unitCost(unitCost).markup(markup).quality(quality).build();
    }

    /** A plain firm to adjust lever by lever: product-focused, unit cost 1, markup 0.2, quality 0.5. */
    public static FirmBuilder firm(String name) {
        return new FirmBuilder(name);
    }

    /** Levers of a test firm by name; everything not set is off (no failures, spend or relationship). */
    public static final class FirmBuilder {
        private final String name;
        private Archetype archetype = Archetype.PRODUCT_FOCUSED;
        private double position;
        private double quality = 0.5;
        private double unitCost = 1;
        private double markup = 0.2;
        private PricingRuleName pricing = PricingRuleName.COST_PLUS;
        private boolean feeAware = true;
        private double failureRate;
        private double serviceCost;
        private double relationshipRate;
        private double innovation;
        private FirmConfig.Innovation.Target innovationTarget = FirmConfig.Innovation.Target.CUSTOMERS;
        private double innovationLead;
        private FirmConfig.PlatformListing platform;
        private FirmConfig.StoreShelf store;
        private FirmConfig.DirectChannel direct = new FirmConfig.DirectChannel(0);
        private FirmConfig.Marketing marketing = new FirmConfig.Marketing(1.0, 0);

        private FirmBuilder(String name) {
            this.name = name;
        }

        public FirmBuilder archetype(Archetype value) {
            archetype = value;
            return this;
        }

        public FirmBuilder position(double value) {
            position = value;
            return this;
        }

        public FirmBuilder quality(double value) {
            quality = value;
            return this;
        }

        public FirmBuilder unitCost(double value) {
            unitCost = value;
            return this;
        }

        public FirmBuilder markup(double value) {
            markup = value;
            return this;
        }

        public FirmBuilder pricing(PricingRuleName value) {
            pricing = value;
            return this;
        }

        /** Whether its pricing passes channel fees on (the default) or prices off unit cost alone. */
        public FirmBuilder feeAware(boolean value) {
            feeAware = value;
            return this;
        }

        /** Sells on the platform only (no web store, no ad bid). */
        public FirmBuilder platformOnly() {
            platform = new FirmConfig.PlatformListing(0);
            direct = null;
            return this;
        }

        public FirmBuilder failureRate(double value) {
            failureRate = value;
            return this;
        }

        public FirmBuilder serviceCost(double value) {
            serviceCost = value;
            return this;
        }

        public FirmBuilder relationshipRate(double value) {
            relationshipRate = value;
            return this;
        }

        public FirmBuilder innovation(double spendPerTick) {
            innovation = spendPerTick;
            return this;
        }

        /** Innovation toward {@code target}, aiming {@code lead} ticks ahead. */
        public FirmBuilder innovation(double spendPerTick, FirmConfig.Innovation.Target target, double lead) {
            innovation = spendPerTick;
            innovationTarget = target;
            innovationLead = lead;
            return this;
        }

        /** Share aware of its web store at the start, and marketing spend (money/tick). */
        public FirmBuilder marketing(double initialAwareness, double spendPerTick) {
            marketing = new FirmConfig.Marketing(initialAwareness, spendPerTick);
            return this;
        }

        /** Its web store's fixed cost (money/tick). */
        public FirmBuilder directFixedCost(double perTick) {
            direct = new FirmConfig.DirectChannel(perTick);
            return this;
        }

        /** Lists on the platform too (no ad bid). */
        public FirmBuilder onPlatform() {
            platform = new FirmConfig.PlatformListing(0);
            return this;
        }

        /** Applies for the store's shelf too. */
        public FirmBuilder inStore() {
            store = new FirmConfig.StoreShelf();
            return this;
        }

        public FirmConfig build() {
            return new FirmConfig(name, archetype, position, quality, unitCost, new FirmConfig.Learning(0, 1),
                    pricing, markup, feeAware, failureRate, new FirmConfig.QualityInvestment(0, 1),
                    new FirmConfig.Service(serviceCost), relationshipRate, new FirmConfig.LoyaltyProgram(false, 0, 0),
                    new FirmConfig.Personalization(0, 0, 0, 0), marketing, 0,
                    new FirmConfig.Innovation(innovation, innovationTarget, innovationLead),
                    direct, platform, store, 0, null, false, null);
        }
    }

    /** A platform to adjust lever by lever: no fees, costs or subsidy; nobody a member at the start. */
    public static PlatformBuilder platform() {
        return new PlatformBuilder();
    }

    /** Levers of a test platform by name; the ranking shows 6 results in 24 taste bins, none sponsored. */
    public static final class PlatformBuilder {
        private double takeRate;
        private double fulfilmentFee;
        private double fulfilmentCost;
        private double listingFee;
        private double subsidy;
        private double fixedCost;
        private double relationshipShare;
        private double relationshipRate;
        private double initialMembers;
        private double joinRate;
        private double leaveRate;
        private double varietyWeight;
        private double membershipUtility;
        /** Fixed fees unless a test sets a rule; the step, cap and thresholds then are the test's. */
        private PlatformConfig.FeeRule feeRule = new PlatformConfig.FeeRule(FeeRuleName.FIXED, 1, 0, 1, 0, 1, 0);

        private PlatformBuilder() {
        }

        /** The fee rule (how take rate and subsidy move; fixed by default). */
        public PlatformBuilder feeRule(PlatformConfig.FeeRule rule) {
            feeRule = rule;
            return this;
        }

        /** Take rate, fulfilment fee and its own fulfilment cost (money/unit), listing fee (money/tick). */
        public PlatformBuilder fees(double commission, double fulfilmentFeePerUnit, double fulfilmentCostPerUnit,
                                    double listingFeePerTick) {
            takeRate = commission;
            fulfilmentFee = fulfilmentFeePerUnit;
            fulfilmentCost = fulfilmentCostPerUnit;
            listingFee = listingFeePerTick;
            return this;
        }

        /** The share of the price the platform pays back to the consumer. */
        public PlatformBuilder subsidy(double share) {
            subsidy = share;
            return this;
        }

        public PlatformBuilder fixedCost(double perTick) {
            fixedCost = perTick;
            return this;
        }

        /** omega: share of the relationship gain a brand keeps selling through the platform. */
        public PlatformBuilder relationshipShare(double value) {
            relationshipShare = value;
            return this;
        }

        /** eta of the platform's own stock. */
        public PlatformBuilder relationshipRate(double value) {
            relationshipRate = value;
            return this;
        }

        public PlatformBuilder initialMembers(double share) {
            initialMembers = share;
            return this;
        }

        public PlatformBuilder joinRate(double value) {
            joinRate = value;
            return this;
        }

        public PlatformBuilder leaveRate(double value) {
            leaveRate = value;
            return this;
        }

        public PlatformBuilder varietyWeight(double value) {
            varietyWeight = value;
            return this;
        }

        /** The constant pull of membership (utils). */
        public PlatformBuilder membershipUtility(double value) {
            membershipUtility = value;
            return this;
        }

        public PlatformConfig build() {
            return new PlatformConfig(takeRate, fulfilmentFee, fulfilmentCost, listingFee, subsidy, fixedCost, 0, 6, 0,
                    24, 0, 0, 1, relationshipShare, relationshipRate,
                    initialMembers, joinRate, leaveRate, varietyWeight, membershipUtility, 4, 0, 0, 0, feeRule);
        }
    }

    /** Plain logit: every (firm, channel) offer its own alternative ({@code lambda = 1}). */
    public static MarketRules rules(double decay) {
        return new MarketRules(decay, 8, 0.1, 1, 0.7, 0.3, 0.05, 1.0, 0.0, 1);
    }

    public static MarketConfig market(int consumers, int horizon, double outsideUtility,
                                      List<SegmentConfig> segments, List<FirmConfig> firms) {
        return new MarketConfig(horizon, new PopulationConfig(consumers, 4, outsideUtility, segments),
                rules(0.02), firms, Map.of(), null, null, new WordOfMouthConfig(0, 0, 10, 0.1),
                noDynamics(), Math.min(horizon, 10), 0.0018);
    }

    /** No drift, no teaching effect, no dominance, reviews every 4 ticks without imitation or exit. */
    public static DynamicsConfig noDynamics() {
        return new DynamicsConfig(0, new DynamicsConfig.Teaching(0, 0, 0, 0, 0), 1,
                DynamicsConfig.CustomerDominance.OFF, new DynamicsConfig.Adaptation(4, 0.02, 0, 0, 0.5));
    }

    public static List<FirmConfig> with(List<FirmConfig> firms, FirmConfig extra) {
        List<FirmConfig> out = new ArrayList<>(firms);
        out.add(extra);
        return out;
    }
}
