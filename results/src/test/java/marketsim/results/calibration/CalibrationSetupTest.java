package marketsim.results.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import marketsim.results.search.Evaluation;
import marketsim.results.search.SearchParameter;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class CalibrationSetupTest {
    private static CalibrationSetup prepare(String parameters, String targets) throws Exception {
        return CalibrationSetup.prepare("platform-squeeze", List.of("population.size=300"),
                TargetsReader.parse("t.yaml", "parameters:\n" + parameters + "targets:\n" + targets), 2, 1, 10, 1);
    }

    private static final String ONE_TARGET = "  - {outcome: platform.platform_take, value: 0.3}\n";

    @Test
    void startsFromTheScenarioValueWhenInRangeElseTheMiddle() throws Exception {
        CalibrationSetup setup = prepare("""
                  - {path: platform.take_rate, min: 0.05, max: 0.5}
                  - {path: platform.subsidy, min: 0.1, max: 0.3}
                """, ONE_TARGET);
        assertThat(setup.parameters().get(0).start()).isEqualTo(0.15); // platform-squeeze's own take rate
        assertThat(setup.parameters().get(1).start()).isEqualTo(0.2); // its subsidy, 0, is outside [0.1, 0.3]
        assertThat(setup.parameters()).noneMatch(SearchParameter::integer);
        assertThat(setup.startPoint()).containsExactly(new double[] {0.1 / 0.45, 0.5},
                org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void findsWholeNumberParametersAndGivesEachWholeNumberAnEqualBin() throws Exception {
        CalibrationSetup setup = prepare("  - {path: platform.ranking.results, min: 2, max: 5}\n", ONE_TARGET);
        SearchParameter p = setup.parameters().get(0);
        assertThat(p.integer()).isTrue();
        // four whole numbers, four bins of width 1/4 over [0, 1]
        assertThat(List.of(p.value(0), p.value(0.24), p.value(0.25), p.value(0.74), p.value(0.75), p.value(1)))
                .containsExactly(2.0, 2.0, 3.0, 4.0, 5.0, 5.0);
        assertThat(p.value(p.position(4))).isEqualTo(4);
        assertThat(p.start()).isEqualTo(4); // the scenario's 6 results lie outside [2, 5]: value(0.5)
        assertThat(setup.overrides(new double[] {3})).endsWith("platform.ranking.results=3");
    }

    @Test
    void aCandidateIsTheScenarioLoadedWithItsValuesSet() throws Exception {
        CalibrationSetup setup = prepare("""
                  - {path: platform.take_rate, min: 0.05, max: 0.5}
                  - {path: platform.ranking.results, min: 2, max: 5}
                """, ONE_TARGET);
        for (double[] values : List.of(new double[] {0.3, 3}, new double[] {0.05, 5})) {
            Scenario fresh = ScenarioLoader.load("platform-squeeze", setup.overrides(values));
            Scenario candidate = setup.candidate(values);
            assertThat(candidate.document()).isEqualTo(fresh.document());
            assertThat(candidate.document().toString()).isEqualTo(fresh.document().toString());
            assertThat(candidate.config()).isEqualTo(fresh.config());
        }
    }

    @Test
    void rangesTheScenarioRejectsAndOutcomesItLacksAreReportedAtTheirLines() {
        TargetsException e = catchThrowableOfType(TargetsException.class, () -> prepare("""
                  - {path: platform.tak_rate, min: 0.1, max: 0.2}
                  - {path: platform.take_rate, min: 0.1, max: 7}
                  - {path: platform.ranking.results, min: 1.5, max: 4}
                """, """
                  - {outcome: nobody.retention, value: 0.9}
                  - {outcome: market.members, value: 0.5}
                  - {outcome: store.retention, value: 0.9}
                """));
        assertThat(e.getMessage()).contains("has 5 problems")
                .contains("parameters[0].min (line 2, column 31): the scenario rejects platform.tak_rate=0.1: "
                        + "platform.tak_rate: unknown key (did you mean 'take_rate'?)")
                .contains("parameters[1].max (line 3, column 42): the scenario rejects platform.take_rate=7: "
                        + "platform.take_rate: (7) must be in [0, 0.95]")
                .contains("parameters[2].min (line 4, column 38): the scenario rejects platform.ranking.results=1.5: "
                        + "platform.ranking.results: must be a whole number")
                .contains("targets[0].outcome (line 6, column 6): 'nobody.retention': this scenario has no entity "
                        + "'nobody'; it has brand-a")
                .contains("targets[2].outcome (line 8, column 6): 'store.retention': this scenario has no entity 'store'")
                .doesNotContain("set on the command line").doesNotContain("line 111");
    }

    @Test
    void theFingerprintChangesWithAnythingThatChangesTheEvaluations() throws Exception {
        String p = "  - {path: platform.take_rate, min: 0.05, max: 0.5}\n";
        String base = prepare(p, ONE_TARGET).fingerprint();
        assertThat(prepare(p, ONE_TARGET).fingerprint()).isEqualTo(base);
        assertThat(prepare(p, "  - {outcome: platform.platform_take, value: 0.31}\n").fingerprint()).isNotEqualTo(base);
        Targets targets = TargetsReader.parse("t.yaml", "parameters:\n" + p + "targets:\n" + ONE_TARGET);
        assertThat(CalibrationSetup.prepare("platform-squeeze", List.of("population.size=300"), targets, 3, 1, 10, 1)
                .fingerprint()).isNotEqualTo(base);
        assertThat(CalibrationSetup.prepare("platform-squeeze", List.of("population.size=300"), targets, 2, 2, 10, 1)
                .fingerprint()).isNotEqualTo(base);
        assertThat(CalibrationSetup.prepare("platform-squeeze", List.of("population.size=301"), targets, 2, 1, 10, 1)
                .fingerprint()).isNotEqualTo(base);
        assertThat(CalibrationSetup.prepare("platform-squeeze", List.of("population.size=300"), targets, 2, 1, 10, 4)
                .fingerprint()).as("threads do not change the evaluations").isEqualTo(base);
    }
}
