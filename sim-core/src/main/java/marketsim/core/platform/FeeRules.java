package marketsim.core.platform;

import marketsim.core.config.PlatformConfig;

/** The registry from a fee rule's configuration to its implementation (one instance per platform). */
public final class FeeRules {
    private FeeRules() {
    }

    public static FeeRule create(PlatformConfig.FeeRule c) {
        return switch (c.rule()) {
            case FIXED -> new FixedFees();
            case HILL_CLIMBING -> new HillClimbingFees(c.takeStep(), c.maxTakeRate());
            case LIFECYCLE -> new LifecycleFees(c.takeStep(), c.maxTakeRate(), c.subsidyStep(), c.memberThreshold(),
                    c.sellerThreshold());
        };
    }
}
