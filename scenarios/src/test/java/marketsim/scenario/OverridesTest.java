package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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

    @Test
    void aPathWithAnEmptySegmentIsRefusedNamingTheFlag() {
        for (String override : List.of("..=1", ".=1", "horizon.=1", ".horizon=1", "market..relationship_decay=0.1")) {
            assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of(override)))
                    .as(override)
                    .isInstanceOf(ScenarioException.class)
                    .hasMessageContaining("--set " + override + ": the path has an empty part");
        }
    }

    @Test
    void aValueIsReadAsAFileIsNoAliasesOrTags() {
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("description=*x")))
                .hasMessageContaining("--set description=*x: value '*x': anchors and aliases are not supported (*x)");
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("horizon=!!str 5")))
                .hasMessageContaining("--set horizon=!!str 5: value '!!str 5': YAML tags are not supported (!!str)");
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("population={a: [}")))
                .hasMessageNotContaining("^").hasMessageContaining("--set population={a: [}: value '{a: [}' is not "
                        + "valid YAML");
    }
}
