package marketsim.results.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import marketsim.format.Estimate;
import marketsim.results.replication.Replicator;

/**
 * The headline pattern of jeo-baseline (MODEL.md section 6), over 10 seeded replications at
 * full size: product-focused firms take the larger unit share at the lower gross margin;
 * customer-focused firms keep the higher retention. Tolerance: each comparison must hold
 * between the 95% confidence intervals (non-overlapping), not just between means.
 */
class BaselinePatternTest {
    private static SummaryEstimates summaries;

    @BeforeAll
    static void run() throws Exception {
        var scenario = ScenarioLoader.load("jeo-baseline");
        var experiment = new Experiment(scenario, List.of(), 10, scenario.seed(), 2);
        summaries = ExperimentRunner.summaries(experiment, Replicator.Progress.NONE).estimates();
    }

    private static Estimate of(String archetype, Metric metric) {
        return summaries.estimate(summaries.indexOf(EntityType.ARCHETYPE, archetype), metric);
    }

    private static void assertAbove(Metric metric, String higher, String lower) {
        Estimate hi = of(higher, metric);
        Estimate lo = of(lower, metric);
        assertThat(hi.lower()).as("%s: %s (%s +- %s) above %s (%s +- %s)", metric.key(), higher, hi.mean(),
                hi.halfWidth(), lower, lo.mean(), lo.halfWidth()).isGreaterThan(lo.upper());
    }

    @Test
    void productFocusWinsVolume() {
        assertAbove(Metric.UNIT_SHARE, "product-focused", "customer-focused");
    }

    @Test
    void customerFocusEarnsTheHigherGrossMargin() {
        assertAbove(Metric.GROSS_MARGIN, "customer-focused", "product-focused");
    }

    @Test
    void customerFocusKeepsItsCustomers() {
        assertAbove(Metric.RETENTION, "customer-focused", "product-focused");
        assertAbove(Metric.NPS, "customer-focused", "product-focused");
        assertAbove(Metric.MEAN_RELATIONSHIP, "customer-focused", "product-focused");
    }

    @Test
    void theBuiltInLibraryListsTheBaseline() {
        assertThat(ScenarioLoader.BUILT_IN).contains("jeo-baseline");
    }
}
