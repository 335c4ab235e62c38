package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which costs keep running (issue 19): personalization's run at any level while enabled, and stop when it is not. */
class RunningCostsTest {
    private static List<String> costs(String... overrides) throws Exception {
        return RunningCosts.lines(ScenarioLoader.load("jeo-baseline", List.of(overrides)).config());
    }

    @Test
    void eachFirmsWeeklyCostsAreListedByKind() throws Exception {
        // 300 + 600 + 50 + 40 + 10 + 20 = 1,020
        assertThat(costs()).contains("brand-a: 1,020 (web store 300, personalization 600, quality 50, marketing 40, "
                + "education 10, innovation 20), plus 0.05 per customer (personalization)", "bulk-c: none");
    }

    @Test
    void personalizationAtLevelZeroStillCostsAndSaysSo() throws Exception {
        assertThat(costs("firms[brand-a].personalization.level=0"))
                .anySatisfy(line -> assertThat(line).startsWith("brand-a: 1,020 ("))
                .anySatisfy(line -> assertThat(line).startsWith("brand-a: personalization at level 0 still costs 600"));
    }

    @Test
    void disabledPersonalizationCostsNothing() throws Exception {
        assertThat(costs("firms[brand-a].personalization.enabled=false"))
                .contains("brand-a: 420 (web store 300, quality 50, marketing 40, education 10, innovation 20)");
    }

    @Test
    void rangeExpansionSaysWhatEachCategoryItAddsCosts() throws Exception {
        // deep-focus: web store 300 + personalization 400 + marketing 40 = 740
        assertThat(RunningCosts.lines(ScenarioLoader.load("deep-focus").config())).contains("deep: 740 (web store 300, "
                + "personalization 400, marketing 40), plus 0.05 per customer (personalization), plus 150 per category its "
                + "range expansion adds", "mart: 150 (web store 150)");
    }
}
