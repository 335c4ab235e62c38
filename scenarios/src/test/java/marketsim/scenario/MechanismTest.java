package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No parameter that exists in the file and changes nothing: each case changes one parameter of
 * a small jeo-baseline (3,000 consumers, 104 ticks) and checks that the outcome it targets moves
 * the way the mechanism says, over the last 52 ticks.
 *
 * <p>{@link MechanismAtScaleTest} repeats every case at full size in the slow suite.
 *
 * <p>Both variants run on the same replication seeds (common random numbers), so the paired
 * differences carry little noise. Tolerance: the mean paired difference over 5 replications must
 * have the expected sign and its 99% t confidence interval must exclude zero; a parameter wired
 * to nothing gives a difference of exactly zero, and a reversed mechanism the wrong sign.
 */
class MechanismTest {
    private static final int REPS = 5;
    private static final long SEED = 424242;
    private static final int WINDOW = 52;
    private static final int EARLY_TICKS = 8;
    private static final List<String> SMALL = List.of("population.size=3000", "horizon=104");

    /** One parameter change, the outcome it targets and the direction it must move. */
    record Case(String name, String entity, Metric metric, int direction, List<String> base, List<String> change,
                boolean earlyWindow) {
        /** Both variants also get {@code overrides}, to make the mechanism visible. */
        Case given(String... overrides) {
            return new Case(name, entity, metric, direction, List.of(overrides), change, earlyWindow);
        }

        /** Compare the first 8 ticks, before the effect saturates (awareness). */
        Case early() {
            return new Case(name, entity, metric, direction, base, change, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case change(String name, String entity, Metric metric, int direction, String... overrides) {
        return new Case(name, entity, metric, direction, List.of(), List.of(overrides), false);
    }

    static Stream<Case> mechanisms() {
        String allSwitching = "population.segments[%d].switching_cost=%s";
        return Stream.of(
                change("higher switching costs raise retention", "market", Metric.RETENTION, +1,
                        allSwitching.formatted(0, 3), allSwitching.formatted(1, 3), allSwitching.formatted(2, 3)),
                change("a loyalty program raises a brand's retention", "brand-a", Metric.RETENTION, -1,
                        "firms[brand-a].loyalty.enabled=false"),
                change("a lower markup raises unit share", "bulk-a", Metric.UNIT_SHARE, +1, "firms[bulk-a].markup=0.02"),
                change("higher quality raises unit share", "bulk-a", Metric.UNIT_SHARE, +1, "firms[bulk-a].quality=0.8"),
                change("more failures lower NPS", "bulk-a", Metric.NPS, -1, "firms[bulk-a].failure_rate=0.3"),
                change("more failures lower retention", "bulk-a", Metric.RETENTION, -1, "firms[bulk-a].failure_rate=0.3"),
                change("more failures raise the failure rate", "bulk-a", Metric.FAILURE_RATE, +1,
                        "firms[bulk-a].failure_rate=0.3"),
                change("a higher relationship rate builds stock", "bulk-a", Metric.MEAN_RELATIONSHIP, +1,
                        "firms[bulk-a].relationship_rate=0.5"),
                change("personalization wins customers", "brand-a", Metric.UNIT_SHARE, -1,
                        "firms[brand-a].personalization.level=0"),
                change("marketing spend raises awareness", "bulk-a", Metric.AWARENESS, +1,
                        "firms[bulk-a].marketing.spend=60").early(),
                change("initial awareness raises awareness", "bulk-a", Metric.AWARENESS, +1,
                        "firms[bulk-a].marketing.initial_awareness=0.9").early(),
                change("dearer contacts lower awareness", "bulk-a", Metric.AWARENESS, -1,
                        "market.cost_per_contact=1").early(),
                change("faster decay erodes relationships", "market", Metric.MEAN_RELATIONSHIP, -1,
                        "market.relationship_decay=0.2"),
                change("a better outside option means fewer purchases", "market", Metric.OUTSIDE_SHARE, +1,
                        "population.outside_utility=1"),
                change("shopping more often means more occasions", "market", Metric.PURCHASE_OCCASIONS, +1,
                        "population.segments[bargain-hunters].purchase_probability=0.6"),
                change("price-sensitive relationship seekers desert the brands", "customer-focused", Metric.UNIT_SHARE, -1,
                        "population.segments[relationship-seekers].price_sensitivity=0.6"),
                change("quality-minded bargain hunters turn to the brands", "customer-focused", Metric.UNITS, +1,
                        "population.segments[bargain-hunters].quality_weight=8"),
                change("relationship weight raises retention", "market", Metric.RETENTION, +1,
                        "population.segments[0].relationship_weight=4", "population.segments[2].relationship_weight=4"),
                change("a larger taste mismatch cost deters purchases", "market", Metric.OUTSIDE_SHARE, +1,
                        "population.segments[0].mismatch_cost=8", "population.segments[1].mismatch_cost=8",
                        "population.segments[2].mismatch_cost=8"),
                change("liking direct channels means more purchases", "market", Metric.OUTSIDE_SHARE, -1,
                        "population.segments[0].direct_affinity=2", "population.segments[2].direct_affinity=2"),
                change("consumers indifferent to personalization buy fewer brands", "customer-focused", Metric.UNITS, -1,
                        "population.segments[relationship-seekers].personalization_responsiveness=0"),
                change("higher expectations lower NPS", "market", Metric.NPS, -1,
                        "population.segments[0].quality_expectation=0.8", "population.segments[1].quality_expectation=0.8",
                        "population.segments[2].quality_expectation=0.8"),
                change("tastes near a firm raise its share", "bulk-a", Metric.UNIT_SHARE, +1,
                        "population.segments[0].taste={dist: normal, mean: 0.05, sd: 0.05}"),
                change("more bargain hunters favour product focus", "product-focused", Metric.UNIT_SHARE, +1,
                        "population.segments[0].share=0.7", "population.segments[1].share=0.15",
                        "population.segments[2].share=0.15"),
                change("more consumers mean more occasions", "market", Metric.PURCHASE_OCCASIONS, +1, "population.size=12000"),
                change("sharper satisfaction makes a good brand's fans promoters", "brand-a", Metric.NPS, +1,
                        "market.satisfaction_sensitivity=30"),
                change("noisier quality lowers a good brand's NPS", "brand-a", Metric.NPS, -1, "market.quality_noise=0.5"),
                change("a milder failure penalty keeps relationships", "bulk-a", Metric.MEAN_RELATIONSHIP, +1,
                        "market.failure_penalty=0").given("firms[bulk-a].failure_rate=0.4"),
                change("a higher promoter bar lowers NPS", "market", Metric.NPS, -1, "market.promoter_threshold=0.95"),
                change("a higher detractor bar lowers NPS", "market", Metric.NPS, -1, "market.detractor_threshold=0.6"),
                change("a higher discount rate lowers lifetime value", "brand-a", Metric.CLV, -1, "metrics.discount_rate=0.05"),
                change("a higher unit cost raises the cost-plus price", "bulk-a", Metric.MEAN_PRICE, +1,
                        "firms[bulk-a].unit_cost=10"),
                change("a dearer web store lowers profit", "bulk-a", Metric.NET_PROFIT, -1,
                        "firms[bulk-a].channels.direct.fixed_cost=400"),
                change("dearer personalization lowers profit", "brand-a", Metric.NET_PROFIT, -1,
                        "firms[brand-a].personalization.fixed_cost=2000"),
                change("personalization per customer lowers profit", "brand-a", Metric.NET_PROFIT, -1,
                        "firms[brand-a].personalization.cost_per_customer=1"),
                change("a bigger loyalty discount gives away more", "brand-a", Metric.LOYALTY_DISCOUNTS, +1,
                        "firms[brand-a].loyalty.discount=0.2"),
                change("a bigger loyalty discount keeps more customers", "brand-a", Metric.RETENTION, +1,
                        "firms[brand-a].loyalty.discount=0.3"),
                change("a loyalty relationship bonus builds stock", "brand-a", Metric.MEAN_RELATIONSHIP, +1,
                        "firms[brand-a].loyalty.relationship_bonus=0.6"),
                change("a rival moving onto a firm's position takes its share", "bulk-b", Metric.UNIT_SHARE, -1,
                        "firms[bulk-a].position=0.30"),
                change("more initial cash means more cash", "bulk-a", Metric.CASH, +1, "firms[bulk-a].initial_cash=90000"),
                change("remembering fewer firms weakens win-backs", "market", Metric.MEAN_RELATIONSHIP, -1,
                        "population.relationship_memory=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mechanisms")
    void parameterMovesItsOutcome(Case c) {
        check(c, SMALL, REPS);
    }

    /** Runs both variants of {@code c} on {@code size} overrides and checks the paired difference. */
    static void check(Case c, List<String> size, int reps) {
        List<String> baseOverrides = new ArrayList<>(size);
        baseOverrides.addAll(c.base());
        List<String> changed = new ArrayList<>(baseOverrides);
        changed.addAll(c.change());
        ScenarioRuns.Runs base = ScenarioRuns.run("jeo-baseline", baseOverrides, reps, SEED);
        ScenarioRuns.Runs variant = ScenarioRuns.run("jeo-baseline", changed, reps, SEED);
        String entity = c.entity();
        EntityType type = entity.equals("market") ? EntityType.MARKET
                : entity.endsWith("-focused") ? EntityType.ARCHETYPE : EntityType.FIRM;
        int to = c.earlyWindow() ? EARLY_TICKS : base.config().horizon();
        int from = c.earlyWindow() ? 0 : to - WINDOW;
        SummaryStatistics differences = new SummaryStatistics();
        for (int r = 0; r < reps; r++) {
            differences.addValue(variant.metric(r, type, entity, c.metric(), from, to)
                    - base.metric(r, type, entity, c.metric(), from, to));
        }
        double mean = differences.getMean();
        double half = new TDistribution(null, reps - 1).inverseCumulativeProbability(0.995)
                * differences.getStandardDeviation() / Math.sqrt(reps);
        assertThat(mean * c.direction()).as("%s: mean paired difference of %s (+- %s)", c.name(), mean, half)
                .isGreaterThan(half);
    }
}
