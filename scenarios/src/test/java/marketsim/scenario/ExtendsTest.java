package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a file that {@code extends} another is merged over it (docs/SCENARIOS.md, "Start from a built-in"). */
class ExtendsTest {
    @TempDir
    Path dir;

    @Test
    void aNulInExtendsIsAPlacedError() throws Exception {
        Path file = Files.writeString(dir.resolve("nul.yaml"), "seed: 1\nextends: \"jeo\\0baseline\"\n");
        assertThatThrownBy(() -> ScenarioLoader.load(file.toString()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("extends (line 2, column 1): 'jeo\\0baseline': not a usable path: it contains "
                        + "a NUL character (\\0) at position 4");
    }

    @Test
    void aNulInTheScenarioNameIsAnInputError() {
        assertThatThrownBy(() -> ScenarioLoader.load("mine\0.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("Scenario mine\\0.yaml has a problem")
                .hasMessageContaining("not a usable path: it contains a NUL character (\\0) at position 5");
    }
}
