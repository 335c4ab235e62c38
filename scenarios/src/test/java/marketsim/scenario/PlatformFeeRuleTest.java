package marketsim.scenario;

import static marketsim.scenario.ScenarioRuns.assertHigher;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The platform's fee rule (MODEL.md 4; ODD 7.5) in the built-in scenarios, over seeded replications on common random
 * numbers. Comparisons of two variants must clear the 99% t half-width of the paired differences
 * ({@link ScenarioRuns#assertHigher}); a comparison within one run must hold in every replication.
 */
class PlatformFeeRuleTest {
    private static final long SEED = 4242;

    /**
     * platform-harvest at its own size (10,000 consumers: the platform's fixed cost of 400 a tick is in money, not
     * per consumer, so a smaller market cannot carry it), 4 replications: the platform loses money over the first
     * year, while it subsidises (its fee revenue less subsidies is negative, about -690 a tick measured), and makes
     * money over the last, once it harvests (about +600 a tick). Each replication must show both signs; the
     * replications differ by a few percent of either figure.
     */
    @Test
    void theLifecyclePlatformTurnsFromLossToProfit() {
        var runs = ScenarioRuns.run("platform-harvest", List.of(), 4, SEED);
        int to = runs.config().horizon();
        for (int r = 0; r < 4; r++) {
            double early = runs.metric(r, EntityType.PLATFORM, "platform", Metric.NET_PROFIT, 0, 52);
            double late = runs.metric(r, EntityType.PLATFORM, "platform", Metric.NET_PROFIT, to - 52, to);
            assertThat(early).as("replication %d: first year's profit", r).isNegative();
            assertThat(late).as("replication %d: last year's profit", r).isPositive();
        }
    }

    /**
     * Each lever of the fee rule moves what economics says it should, in platform-harvest at 3,000 consumers over 156
     * ticks (the harvest starts in the first year), 4 replications.
     */
    @Test
    @Tag("slow")
    void everyLeverOfTheFeeRuleMovesTheFees() {
        var base = harvest();
        // A lower cap: a lower take in the last year.
        assertHigher(base, harvest("platform.fee_rule.max_take_rate=0.2"), EntityType.PLATFORM, "platform",
                Metric.PLATFORM_TAKE, 104, 156);
        // Smaller steps, or rarer reviews: the take climbs slower.
        assertHigher(base, harvest("platform.fee_rule.take_step=0.01"), EntityType.PLATFORM, "platform",
                Metric.PLATFORM_TAKE, 78, 130);
        assertHigher(base, harvest("platform.fee_rule.review_every=26"), EntityType.PLATFORM, "platform",
                Metric.PLATFORM_TAKE, 78, 130);
        // A threshold never reached, or no subsidy cut: the subsidy goes on.
        assertHigher(harvest("platform.fee_rule.member_threshold=0.95"), base, EntityType.PLATFORM, "platform",
                Metric.SUBSIDY_SPEND, 104, 156);
        assertHigher(harvest("platform.fee_rule.subsidy_step=0"), base, EntityType.PLATFORM, "platform",
                Metric.SUBSIDY_SPEND, 104, 156);
        // Listings count too: seven sellers are listed from the start, so a threshold of six harvests at once.
        assertHigher(harvest("platform.fee_rule.member_threshold=0.95", "platform.fee_rule.seller_threshold=6"),
                harvest("platform.fee_rule.member_threshold=0.95"), EntityType.PLATFORM, "platform",
                Metric.PLATFORM_TAKE, 26, 78);
    }

    /**
     * The rule itself: on platform-squeeze (fee revenue peaks near a 25% take rate), a platform that starts at 5%
     * and climbs the hill on its profit earns more fee revenue in the last year than one fixed at 5%; and the
     * lifecycle platform of platform-harvest earns more in the last year than one that keeps its launch levers.
     */
    @Test
    @Tag("slow")
    void aPlatformThatDecidesEarnsMoreThanOneStuckAtItsLaunchFees() {
        List<String> low = List.of("population.size=3000", "population.market_size=3000", "platform.take_rate=0.05");
        var fixed = ScenarioRuns.run("platform-squeeze", low, 4, SEED);
        List<String> climbing = new ArrayList<>(low);
        climbing.addAll(List.of("platform.fee_rule.rule=hill-climbing", "platform.fee_rule.take_step=0.02"));
        var climber = ScenarioRuns.run("platform-squeeze", climbing, 4, SEED);
        assertHigher(climber, fixed, EntityType.PLATFORM, "platform", Metric.PLATFORM_FEE_REVENUE, 104, 156);
        assertHigher(harvest(), harvest("platform.fee_rule.rule=fixed"), EntityType.PLATFORM, "platform",
                Metric.NET_PROFIT, 104, 156);
    }

    private static ScenarioRuns.Runs harvest(String... changes) {
        List<String> all = new ArrayList<>(List.of("population.size=3000", "population.market_size=3000", "horizon=156"));
        all.addAll(List.of(changes));
        return ScenarioRuns.run("platform-harvest", all, 4, SEED);
    }
}
