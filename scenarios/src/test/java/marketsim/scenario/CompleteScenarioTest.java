package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The complete scenario (what every results folder stores) lists every value a run used,
 * defaults included: read back, it gives the same model configuration and takes no default of
 * its own, so a later version with other defaults still reads it to the same run.
 */
class CompleteScenarioTest {
    @Test
    void everyBuiltInScenarioReadsBackFromItsCompleteFormWithoutTakingADefault() throws Exception {
        for (String name : ScenarioLoader.BUILT_IN) {
            Scenario scenario = ScenarioLoader.load(name);
            Scenario again = ScenarioReader.read(name, "complete " + name, scenario.complete().deepCopy());
            assertThat(again.config()).as(name).isEqualTo(scenario.config());
            assertThat(again.complete()).as(name + ": a default taken on reading it back").isEqualTo(scenario.complete());
            assertThat(again.seed()).isEqualTo(scenario.seed());
            assertThat(again.replications()).isEqualTo(scenario.replications());
        }
    }

    @Test
    void defaultsAreWrittenWhereTheyWereTakenAndTheWrittenDocumentStaysAsItWas() throws Exception {
        Scenario scenario = ScenarioLoader.loadText("mine", """
                extends: jeo-baseline
                firms:
                  - {name: solo, archetype: product-focused, loyalty: true}
                seller_pools:
                  - {name: pool, archetype: product-focused, count: 3, markup: {dist: uniform, min: 0.1, max: 0.3}}
                """, List.of());
        JsonNode complete = scenario.complete();
        JsonNode solo = null;
        for (JsonNode firm : complete.path("firms")) {
            solo = firm.path("name").asText().equals("solo") ? firm : solo;
        }
        assertThat(solo).isNotNull();
        for (JsonNode firm : scenario.document().path("firms")) {
            assertThat(firm.path("name").asText().equals("solo") && firm.has("quality_investment")).isFalse();
        }
        assertThat(solo.path("quality_investment").path("halving_spend").isNumber()).as("a default of a firm").isTrue();
        assertThat(complete.path("seed").asLong()).isEqualTo(scenario.seed());
        assertThat(solo.path("loyalty").isObject()).as("'loyalty: true' written out as the values it took").isTrue();
        JsonNode pool = complete.path("seller_pools").get(0);
        assertThat(pool.path("markup").isObject()).as("a drawn lever stays a distribution").isTrue();
        assertThat(pool.has("entrants")).as("a default of the pool").isTrue();
        assertThat(pool.path("service").has("cost_per_contact")).as("the sellers' defaults are the pool's").isTrue();
        assertThat(pool.has("position")).as("a drawn position is not a default value").isFalse();
        Scenario again = ScenarioReader.read("mine", "complete", complete.deepCopy());
        assertThat(again.config()).isEqualTo(scenario.config());
        assertThat(again.complete()).isEqualTo(complete);
    }
}
