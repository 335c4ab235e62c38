package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverridesTest {
    @Test
    void valueAtReadsWhatSetWouldWrite() throws Exception {
        var document = ScenarioLoader.load("jeo-baseline").document();
        assertThat(Overrides.valueAt(document, "platform.take_rate").asDouble()).isEqualTo(0.15);
        assertThat(Overrides.valueAt(document, "firms[brand-b].position").asDouble()).isEqualTo(0.68);
        assertThat(Overrides.valueAt(document, "firms[4].name").asText()).isEqualTo("brand-a");
    }

    @Test
    void valueAtIsNullWhereTheDocumentHasNoValue() throws Exception {
        var document = ScenarioLoader.load("jeo-baseline").document();
        assertThat(Overrides.valueAt(document, "platform.no_such_key")).isNull();
        assertThat(Overrides.valueAt(document, "firms[nobody].markup")).isNull();
        assertThat(Overrides.valueAt(document, "platform.take_rate.deeper")).isNull();
        assertThat(Overrides.valueAt(document, "bad path!")).isNull();
    }
}
