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
    void aFirmOfTheBaseNamedOnceIsCompletedByTheBase() throws Exception {
        Path file = Files.writeString(dir.resolve("one.yaml"), """
                extends: jeo-baseline
                firms:
                  - {name: brand-a, markup: 0.9}
                """);
        Scenario s = ScenarioLoader.load(file.toString());
        Scenario base = ScenarioLoader.load("jeo-baseline");
        assertThat(s.config().firms()).hasSameSizeAs(base.config().firms());
        assertThat(s.config().firms().get(4).name()).isEqualTo("brand-a");
        assertThat(s.config().firms().get(4).markup()).isEqualTo(0.9);
        assertThat(s.config().firms().get(4).position()).isEqualTo(base.config().firms().get(4).position());
    }

    @Test
    void aNameGivenTwiceInTheExtendingFileIsAnErrorAtTheSecond() throws Exception {
        Path file = Files.writeString(dir.resolve("twice.yaml"), """
                extends: jeo-baseline
                firms:
                  - {name: brand-a, markup: 0.9}
                  - {name: brand-a, markup: 0.1}
                population:
                  segments:
                    - {name: bargain-hunters, share: 0.3}
                    - {name: bargain-hunters, share: 0.4}
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file.toString()))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("twice.yaml has 2 problems")
                .hasMessageContaining("firms[brand-a] (line 4, column 5): duplicate firm name 'brand-a' (first at line 3, "
                        + "column 5)")
                .hasMessageContaining("population.segments[bargain-hunters] (line 8, column 7): duplicate segment name "
                        + "'bargain-hunters' (first at line 7, column 7)");
    }

    @Test
    void aDistributionOfAnotherKindReplacesTheBasesAndOneOfTheSameKindMerges() throws Exception {
        // the base's price_sensitivity is {dist: lognormal, median: 0.55, sigma: 0.25}: merging kept
        // 'median' and 'sigma' beside the new normal's keys, an error for a correct file
        Path file = Files.writeString(dir.resolve("dist.yaml"), """
                extends: jeo-baseline
                population:
                  segments:
                    - {name: bargain-hunters, price_sensitivity: {dist: normal, mean: 0.6, sd: 0.1}}
                    - {name: relationship-seekers, quality_weight: {dist: normal, sd: 0.9}}
                """);
        Scenario s = ScenarioLoader.load(file.toString());
        Scenario base = ScenarioLoader.load("jeo-baseline");
        var segments = s.config().population().segments();
        assertThat(segments.get(0).traits().get(marketsim.core.config.Trait.PRICE_SENSITIVITY).distribution())
                .isEqualTo(new marketsim.core.config.Distribution.Normal(0.6, 0.1));
        var baseQuality = (marketsim.core.config.Distribution.Normal) base.config().population().segments().get(1)
                .traits().get(marketsim.core.config.Trait.QUALITY_WEIGHT).distribution();
        assertThat(segments.get(1).traits().get(marketsim.core.config.Trait.QUALITY_WEIGHT).distribution())
                .isEqualTo(new marketsim.core.config.Distribution.Normal(baseQuality.mean(), 0.9));
    }

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
