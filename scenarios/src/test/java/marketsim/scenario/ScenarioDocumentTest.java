package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioDocumentTest {
    @TempDir
    Path dir;

    @Test
    void readingWithOverridesGivesWhatLoadingGivesAndLeavesTheDocumentAsItWas() throws Exception {
        ScenarioDocument document = ScenarioLoader.document("platform-squeeze");
        List<String> first = List.of("platform.take_rate=0.3", "horizon=20");
        Scenario a = document.read(first);
        Scenario b = document.read(List.of("platform.take_rate=0.1"));
        assertThat(a.document()).isEqualTo(ScenarioLoader.load("platform-squeeze", first).document());
        assertThat(a.config()).isEqualTo(ScenarioLoader.load("platform-squeeze", first).config());
        assertThat(b.config().platform().takeRate()).isEqualTo(0.1);
        assertThat(b.config().horizon()).isEqualTo(ScenarioLoader.load("platform-squeeze").config().horizon());
        assertThat(document.read(List.of()).document()).isEqualTo(ScenarioLoader.load("platform-squeeze").document());
    }

    @Test
    void problemsOfACandidateArePlacedAtTheOverrideAndTheDocumentIsUntouched() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), """
                extends: jeo-baseline
                horizon: 30
                market: {relationship_decay: 0.1}
                """);
        ScenarioDocument document = ScenarioLoader.document(file.toString());
        document.read(List.of());
        assertThatThrownBy(() -> document.read(List.of("horizon=0")))
                .hasMessageContaining("horizon (--set horizon=0): (0) must be in [1, 10000]");
        assertThatThrownBy(() -> document.read(List.of("market.relationship_dcay=0.2")))
                .hasMessageContaining("market.relationship_dcay (--set market.relationship_dcay=0.2): unknown key (did you "
                        + "mean 'relationship_decay'?)");
        // the placing marked the candidate's copy only: the file's own value keeps its line
        assertThatThrownBy(() -> document.read(List.of("market.relationship_decay=7")))
                .hasMessageContaining("market.relationship_decay (--set market.relationship_decay=7)");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "extends: jeo-baseline\nhorizon: 0\n");
        assertThatThrownBy(() -> ScenarioLoader.document(broken.toString()).read(List.of("seed=3")))
                .hasMessageContaining("horizon (line 2, column 1): (0) must be in [1, 10000]");
        assertThat(document.read(List.of()).config().horizon()).isEqualTo(30);
    }
}
