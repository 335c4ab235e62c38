package marketsim.scenario;

import static marketsim.scenario.ScenarioRuns.assertHigher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The built-in library: every scenario validates and runs, opens with its question, and shows
 * the headline pattern it is meant to teach, over 4 seeded replications at a reduced resolution
 * (3,000 simulated consumers of the scenario's market, unless the scenario simulates fewer). Comparisons of two variants run on common random
 * numbers and must clear the 99% t half-width of the paired differences; comparisons within one
 * run must hold in every replication.
 */
class LibraryTest {
    private static final long SEED = 9090;
    private static final int REPS = 4;
    private static final int SQUEEZE_REPS = 8;
    private static final int CLASSROOM_REPS = 8;
    private static final List<String> SMALL = List.of("population.size=3000");

    static List<String> library() {
        return ScenarioLoader.BUILT_IN;
    }

    private static ScenarioRuns.Runs run(String scenario, String... changes) {
        List<String> all = new ArrayList<>(scenario.equals("classroom") ? List.of() : SMALL);
        all.addAll(List.of(changes));
        return ScenarioRuns.run(scenario, all, REPS, SEED);
    }

    private static int horizon(ScenarioRuns.Runs runs) {
        return runs.config().horizon();
    }

    /** metric over the last year of every replication, for a firm, archetype, platform, store or market. */
    private static double lastYear(ScenarioRuns.Runs runs, int rep, EntityType type, String entity, Metric metric) {
        int to = horizon(runs);
        return runs.metric(rep, type, entity, metric, to - 52, to);
    }

    @ParameterizedTest
    @MethodSource("library")
    void everyScenarioValidatesAndOpensWithItsQuestion(String name) throws Exception {
        Scenario s = ScenarioLoader.load(name);
        assertThat(ScenarioLoader.builtInText(name)).startsWith("# " + name + ": ").contains("# Question:")
                .contains("# What to notice:").contains("# What to try:");
        assertThat(s.description()).contains("?").isNotBlank();
    }

    /** Issue 19: each scenario names the essay whose question it asks (000 to 004), in its description. */
    @ParameterizedTest
    @MethodSource("library")
    void everyScenarioNamesTheEssayWhoseQuestionItAsks(String name) throws Exception {
        assertThat(ScenarioLoader.load(name).description()).containsPattern("essay 00[0-4]");
    }

    @Test
    void movingTastesTheBrandThatStandsStillLosesItsCustomers() {
        // brand-b does not innovate: the trend carries its clustered customers away (EssayClaimsTest has the
        // innovator's side)
        var moving = run("moving-tastes");
        var still = run("moving-tastes", "dynamics.taste_trend.speed=0");
        assertHigher(still, moving, EntityType.FIRM, "brand-b", Metric.UNIT_SHARE, 208, 260);
    }

    @Test
    void jeoBaselineProductFocusWinsVolumeCustomerFocusKeepsCustomers() {
        var runs = run("jeo-baseline");
        for (int r = 0; r < REPS; r++) {
            assertThat(lastYear(runs, r, EntityType.ARCHETYPE, "product-focused", Metric.UNIT_SHARE))
                    .isGreaterThan(lastYear(runs, r, EntityType.ARCHETYPE, "customer-focused", Metric.UNIT_SHARE));
            assertThat(lastYear(runs, r, EntityType.ARCHETYPE, "product-focused", Metric.GROSS_MARGIN))
                    .isLessThan(lastYear(runs, r, EntityType.ARCHETYPE, "customer-focused", Metric.GROSS_MARGIN));
            assertThat(lastYear(runs, r, EntityType.ARCHETYPE, "customer-focused", Metric.RETENTION))
                    .isGreaterThan(lastYear(runs, r, EntityType.ARCHETYPE, "product-focused", Metric.RETENTION));
        }
    }

    @Test
    void platformSqueezeASteepTakeRateDrivesSellersOff() {
        // 0.6, not 0.5: in the scenario's market of 10,000 consumers 0.5 delists about 4 of 19 sellers, with a
        // replication sd about as large; and with position bias which low-ranked sellers sell enough to stay listed
        // varies more between replications. Listed sellers are whole numbers that move in steps at each review:
        // 8 replications (t = 3.5) at 0.6 clear the 99% interval.
        var runs = ScenarioRuns.run("platform-squeeze", SMALL, SQUEEZE_REPS, SEED);
        var squeezed = ScenarioRuns.run("platform-squeeze", List.of("population.size=3000", "platform.take_rate=0.6"),
                SQUEEZE_REPS, SEED);
        assertHigher(runs, squeezed, EntityType.PLATFORM, "platform", Metric.ACTIVE_SELLERS, 104, 156);
    }

    @Test
    void brandOnPlatformKeepsFewerCustomersAndPaysFees() {
        var runs = run("brand-on-platform");
        for (int r = 0; r < REPS; r++) {
            // ranked low and examined less often, brand-b sells a few dozen units a year at 3,000 consumers: in a year
            // where none of its buyers came back to buy at all its retention is undefined (NaN), which keeps none
            double kept = lastYear(runs, r, EntityType.FIRM, "brand-b", Metric.RETENTION);
            assertThat(Double.isNaN(kept) ? 0 : kept)
                    .isLessThan(lastYear(runs, r, EntityType.FIRM, "brand-a", Metric.RETENTION));
            double bond = lastYear(runs, r, EntityType.FIRM, "brand-b", Metric.MEAN_RELATIONSHIP); // NaN: no customers
            assertThat(Double.isNaN(bond) ? 0 : bond)
                    .isLessThan(lastYear(runs, r, EntityType.FIRM, "brand-a", Metric.MEAN_RELATIONSHIP));
            assertThat(lastYear(runs, r, EntityType.FIRM, "brand-b", Metric.FEE_SHARE))
                    .isGreaterThan(lastYear(runs, r, EntityType.FIRM, "brand-a", Metric.FEE_SHARE));
        }
    }

    @Test
    void tiltTeachingPaysInTheSecondHalf() {
        var teaching = run("tilt");
        var silent = run("tilt", "firms[brand-a].education.spend=0");
        assertHigher(teaching, silent, EntityType.FIRM, "brand-a", Metric.NET_MARGIN, 130, 260);
    }

    @Test
    void failureDemandWeighsOnProductFocus() {
        var runs = run("failure-demand");
        for (int r = 0; r < REPS; r++) {
            assertThat(lastYear(runs, r, EntityType.ARCHETYPE, "product-focused", Metric.FAILURE_DEMAND_SHARE))
                    .isGreaterThan(lastYear(runs, r, EntityType.ARCHETYPE, "customer-focused", Metric.FAILURE_DEMAND_SHARE));
            assertThat(lastYear(runs, r, EntityType.ARCHETYPE, "product-focused", Metric.NPS))
                    .isLessThan(lastYear(runs, r, EntityType.ARCHETYPE, "customer-focused", Metric.NPS));
        }
    }

    /**
     * The story's "what to notice": retention falls for every archetype against the same scenario without
     * dominance. Since issue 19 customer-dominant also prices the price-led archetypes by best response, so the
     * comparison is with dominance switched off there, not with jeo-baseline (which would mix in the pricing
     * rule). The runs are EssayClaimsTest's (20 replications of four years: the private label's few buyers).
     */
    @Test
    void customerDominanceLowersEveryArchetypesRetention() {
        var dominant = EssayClaimsTest.dominance();
        var free = EssayClaimsTest.dominance(EssayClaimsTest.NO_DOMINANCE);
        int to = horizon(dominant);
        for (String archetype : List.of("product-focused", "customer-focused", "hybrid-platform")) {
            assertHigher(free, dominant, EntityType.ARCHETYPE, archetype, Metric.RETENTION, to - 52, to);
        }
    }

    @Test
    void disintermediationThePlatformGrowsAsTheStoreShrinks() {
        var runs = run("disintermediation");
        for (int r = 0; r < REPS; r++) {
            assertThat(runs.metric(r, EntityType.PLATFORM, "platform", Metric.MEMBERS, 208, 260))
                    .isGreaterThan(runs.metric(r, EntityType.PLATFORM, "platform", Metric.MEMBERS, 0, 13));
            assertThat(runs.metric(r, EntityType.MARKET, "market", Metric.STORE_UNITS, 208, 260) / 52)
                    .isLessThan(runs.metric(r, EntityType.MARKET, "market", Metric.STORE_UNITS, 0, 13) / 13);
        }
    }

    @Test
    void strategyEvolutionChangesTheArchetypeMix() {
        var runs = run("strategy-evolution");
        int to = horizon(runs);
        for (int r = 0; r < REPS; r++) {
            double start = runs.metric(r, EntityType.ARCHETYPE, "product-focused", Metric.FIRMS, 0, 1);
            boolean changed = false;
            for (int t = 1; t < to && !changed; t++) {
                changed = runs.metric(r, EntityType.ARCHETYPE, "product-focused", Metric.FIRMS, t, t + 1) != start;
            }
            assertThat(changed).as("replication %d: the archetype mix changed at some tick", r).isTrue();
        }
    }

    @Test
    void platformHarvestStopsTheSubsidyAndRaisesTheTake() {
        var runs = run("platform-harvest");
        int to = horizon(runs);
        for (int r = 0; r < REPS; r++) {
            assertThat(runs.metric(r, EntityType.PLATFORM, "platform", Metric.PLATFORM_TAKE, to - 52, to))
                    .isGreaterThan(runs.metric(r, EntityType.PLATFORM, "platform", Metric.PLATFORM_TAKE, 0, 52));
            assertThat(runs.metric(r, EntityType.PLATFORM, "platform", Metric.SUBSIDY_SPEND, to - 52, to)).isZero();
            assertThat(runs.metric(r, EntityType.PLATFORM, "platform", Metric.SUBSIDY_SPEND, 0, 52)).isPositive();
        }
    }

    @Test
    void benchReferenceEveryFirmSellsAtItsFixedPrice() {
        var runs = run("bench-reference");
        double[] prices = {10, 11, 12, 16, 20};
        for (int f = 0; f < prices.length; f++) {
            String firm = "f" + (f + 1);
            // A simulated purchase here is 100,000 / 3,000 units, its payment rounded to the ledger's micro-unit.
            assertThat(runs.metric(0, EntityType.FIRM, firm, Metric.MEAN_PRICE, 0, 52)).isCloseTo(prices[f], within(1e-6));
            assertThat(runs.metric(0, EntityType.FIRM, firm, Metric.UNIT_SHARE, 0, 52)).isGreaterThan(0.05);
        }
    }

    /**
     * What the classroom's header tells a class: both strategies make money; doubling the fee does not pay. 8
     * replications: the fee revenue's paired differences over the last half-year vary from -1,300 to -5,400 (how many
     * sellers delist), so 4 gave a 99% half-width (t = 5.8) wider than the mean drop of 2,800.
     */
    @Test
    void classroomBothStrategiesMakeMoneyAndDoublingTheFeeDoesNotPay() {
        var runs = ScenarioRuns.run("classroom", List.of(), CLASSROOM_REPS, SEED);
        var doubled = ScenarioRuns.run("classroom", List.of("platform.take_rate=0.3"), CLASSROOM_REPS, SEED);
        assertThat(runs.config().population().size()).isEqualTo(2000);
        for (int r = 0; r < CLASSROOM_REPS; r++) {
            assertThat(runs.metric(r, EntityType.ARCHETYPE, "product-focused", Metric.UNIT_SHARE, 78, 104))
                    .isGreaterThan(runs.metric(r, EntityType.ARCHETYPE, "customer-focused", Metric.UNIT_SHARE, 78, 104));
            for (String archetype : List.of("product-focused", "customer-focused")) {
                assertThat(runs.metric(r, EntityType.ARCHETYPE, archetype, Metric.NET_MARGIN, 78, 104))
                        .as("replication %d: %s makes money", r, archetype).isPositive();
            }
            assertThat(doubled.metric(r, EntityType.PLATFORM, "platform", Metric.ACTIVE_SELLERS, 78, 104))
                    .isLessThan(runs.metric(r, EntityType.PLATFORM, "platform", Metric.ACTIVE_SELLERS, 78, 104));
        }
        assertHigher(runs, doubled, EntityType.PLATFORM, "platform", Metric.PLATFORM_FEE_REVENUE, 78, 104);
    }
}
