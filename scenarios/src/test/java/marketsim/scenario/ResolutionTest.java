package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import java.util.stream.Stream;

import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * N is a resolution, not a market size (MODEL.md 2 and 6): jeo-baseline's market of 10,000 consumers simulated by
 * 2,000 and by 20,000 of them gives each archetype the same unit share within 2 points and the same net margin
 * within 5 points, over the summary window (the last 52 of its 260 ticks: the full run, since its learning curves,
 * data scales and cash take years to play out), the means of 10 replications on the same replication seeds.
 *
 * <p>Tolerance: at 2,000 consumers a replication's archetype unit share varies by about 0.6 points and its net
 * margin by up to 1.5 (the private label's, on 2.5% of units), so the difference of two 10-replication means has
 * a standard error of about 0.2 and 0.5 points: the tolerances are about ten standard errors, and fail only for a
 * bias. When N was the market (each simulated consumer counted once), these differed by 11 points of unit share
 * (product-focused 70.6% against 81.8%) and by 61 and 185 points of net margin (customer-focused -32.6% against
 * 28.9%; the private label -168% against 17%).
 *
 * <p>{@link #everyBuiltInScenarioIsTheSameMarketAtTwoResolutions} holds every other built-in scenario to the same
 * (MODEL.md 6: "every built-in scenario's outcomes agree at N and 10 N"), at 2,000 and 20,000 simulated consumers of
 * its own market, over its own horizon's last 52 ticks, for each archetype it has; an archetype's net margin only
 * where it sells at least 5% of the units (below that a replication's margin rests on a few dozen simulated
 * purchases at 2,000 and moves by tens of points: the private label in brand-on-platform). The same tolerances,
 * widened to four standard errors of the difference where replications vary more (strategy-evolution: firms that
 * copy a more profitable rival's archetype move the mix a whole firm at a time).
 *
 * <p>Slow: about half a minute on two cores for jeo-baseline, several minutes for the library.
 */
@Tag("slow")
class ResolutionTest {
    private static final int REPS = 10;
    private static final long SEED = 20261125;
    private static final int WINDOW = 52;
    private static final double SHARE_TOLERANCE = 0.02;
    private static final double MARGIN_TOLERANCE = 0.05;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"product-focused", "customer-focused", "hybrid-platform"})
    void jeoBaselineIsTheSameMarketAtTwoThousandAndTwentyThousandConsumers(String archetype) {
        var coarse = ScenarioRuns.run("jeo-baseline", List.of("population.size=2000"), REPS, SEED);
        var fine = ScenarioRuns.run("jeo-baseline", List.of("population.size=20000"), REPS, SEED);
        assertThat(coarse.config().population().marketSize()).isEqualTo(fine.config().population().marketSize());
        assertThat(mean(coarse, archetype, Metric.UNIT_SHARE)).as("%s unit share", archetype)
                .isCloseTo(mean(fine, archetype, Metric.UNIT_SHARE), within(SHARE_TOLERANCE));
        assertThat(mean(coarse, archetype, Metric.NET_MARGIN)).as("%s net margin", archetype)
                .isCloseTo(mean(fine, archetype, Metric.NET_MARGIN), within(MARGIN_TOLERANCE));
    }

    private static final double MARGIN_MIN_SHARE = 0.05;
    private static final double MONTE_CARLO_ERRORS = 4;
    private static final List<String> ARCHETYPES = List.of("product-focused", "customer-focused", "hybrid-platform");

    static Stream<String> library() {
        // jeo-baseline has its own test above; bench-reference's firms sell at fixed prices in a market of 100,000
        return ScenarioLoader.BUILT_IN.stream().filter(n -> !n.equals("jeo-baseline") && !n.equals("bench-reference"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void everyBuiltInScenarioIsTheSameMarketAtTwoResolutions(String scenario) {
        var coarse = ScenarioRuns.run(scenario, List.of("population.size=2000"), REPS, SEED);
        var fine = ScenarioRuns.run(scenario, List.of("population.size=20000"), REPS, SEED);
        assertThat(coarse.config().population().marketSize()).isEqualTo(fine.config().population().marketSize());
        for (String archetype : ARCHETYPES) {
            double[] coarseShare = values(coarse, archetype, Metric.UNIT_SHARE);
            if (coarseShare == null) {
                continue; // the scenario has no firm of this archetype
            }
            double[] fineShare = values(fine, archetype, Metric.UNIT_SHARE);
            assertAgree(scenario, archetype + " unit share", coarseShare, fineShare, SHARE_TOLERANCE);
            if (mean(fineShare) >= MARGIN_MIN_SHARE) {
                assertAgree(scenario, archetype + " net margin", values(coarse, archetype, Metric.NET_MARGIN),
                        values(fine, archetype, Metric.NET_MARGIN), MARGIN_TOLERANCE);
            }
        }
    }

    /**
     * The two resolutions' means agree within {@code tolerance}, or within four standard errors of their difference
     * where the replications vary more than that allows (a scenario whose firms copy each other's archetype moves in
     * whole firms: strategy-evolution's product-focused share varies by about 6 points between replications).
     */
    private static void assertAgree(String scenario, String what, double[] coarse, double[] fine, double tolerance) {
        double standardError = Math.sqrt(variance(coarse) / finite(coarse).length + variance(fine) / finite(fine).length);
        double bound = Math.max(tolerance, MONTE_CARLO_ERRORS * standardError);
        assertThat(mean(coarse)).as("%s: %s (standard error of the difference %s)", scenario, what, standardError)
                .isCloseTo(mean(fine), within(bound));
    }

    /** Each replication's {@code metric} over the last 52 ticks; null if no firm has the archetype. */
    private static double[] values(ScenarioRuns.Runs runs, String archetype, Metric metric) {
        boolean present = runs.records().get(0).entities().stream()
                .anyMatch(e -> e.type() == EntityType.ARCHETYPE && e.name().equals(archetype));
        if (!present) {
            return null;
        }
        int to = runs.config().horizon();
        double[] out = new double[REPS];
        for (int r = 0; r < REPS; r++) {
            out[r] = runs.metric(r, EntityType.ARCHETYPE, archetype, metric, to - WINDOW, to);
        }
        return out;
    }

    /** The replications with a value: an archetype whose firms all left or changed archetype has no margin. */
    private static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(finite(values)).average().orElse(Double.NaN);
    }

    private static double variance(double[] values) {
        double[] f = finite(values);
        double m = mean(f);
        return java.util.Arrays.stream(f).map(v -> (v - m) * (v - m)).sum() / (f.length - 1);
    }

    private static double mean(ScenarioRuns.Runs runs, String archetype, Metric metric) {
        return mean(values(runs, archetype, metric));
    }
}
