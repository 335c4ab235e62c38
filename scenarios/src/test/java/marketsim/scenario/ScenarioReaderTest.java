package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import marketsim.core.config.Archetype;
import marketsim.core.config.FirmConfig;
import marketsim.scenario.input.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static final String MINIMAL = """
            archetypes: {product-focused: {}}
            population:
              segments:
                - {name: everyone, share: 1.0}
            firms:
              - {name: solo, archetype: product-focused}
            """;

    @Test
    void builtInBaselineReadsWithArchetypeBundlesAndOverrides() throws Exception {
        Scenario s = ScenarioLoader.load("jeo-baseline");
        assertThat(s.config().population().size()).isEqualTo(10_000);
        assertThat(s.config().population().segments()).hasSize(3);
        assertThat(s.config().firms()).hasSize(7);
        assertThat(s.config().platform().takeRate()).isEqualTo(0.15);
        assertThat(s.config().store().slots()).isEqualTo(4);
        FirmConfig brand = s.config().firms().stream().filter(f -> f.name().equals("brand-a")).findFirst().orElseThrow();
        assertThat(brand.archetype()).isEqualTo(Archetype.CUSTOMER_FOCUSED);
        assertThat(brand.loyalty().enabled()).isTrue();         // from the bundle
        assertThat(brand.position()).isEqualTo(0.18);             // the firm's own
        assertThat(s.config().horizon()).isEqualTo(260);
    }

    @Test
    void missingValuesTakeTheirDocumentedDefaults() throws Exception {
        Scenario s = ScenarioLoader.load(write("minimal.yaml", MINIMAL).toString());
        assertThat(s.name()).isEqualTo("minimal");
        assertThat(s.config().horizon()).isEqualTo(260);
        assertThat(s.config().firms().get(0).markup()).isEqualTo(0.3);
        assertThat(s.config().rules().relationshipDecay()).isEqualTo(0.02);
    }

    @Test
    void jsonFilesWorkToo() throws Exception {
        Path file = write("tiny.json", """
                {"archetypes": {"customer-focused": {}},
                 "population": {"segments": [{"name": "all", "share": 1}]},
                 "firms": [{"name": "solo", "archetype": "customer-focused"}]}
                """);
        assertThat(ScenarioLoader.load(file.toString()).config().firms().get(0).archetype())
                .isEqualTo(Archetype.CUSTOMER_FOCUSED);
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() throws IOException {
        Path file = write("bad.yaml", """
                horizon: -5
                populaton: {size: 10}
                market: {relationship_decay: 1.5, cost_per_contact: "cheap"}
                firms:
                  - {name: a, archetype: product-focussed, markup: -0.1}
                  - {name: a, archetype: customer-focused, loyalty: {enabled: maybe}}
                """);
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioLoader.load(file.toString()));
        assertThat(e.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p).startsWith("horizon (line 1, column 1): (-5) must be in [1, 10000]"))
                .anySatisfy(p -> assertThat(p).contains("populaton (line 2, column 1): unknown key (did you mean 'population'?)"))
                .anySatisfy(p -> assertThat(p).contains("market.relationship_decay (line 3, column 10): (1.5) must be in [0, 1]"))
                .anySatisfy(p -> assertThat(p).contains("market.cost_per_contact (line 3, column 35): must be a number"))
                .anySatisfy(p -> assertThat(p).contains("firms[a].archetype (line 5, column 15): ('product-focussed') must be one of")
                        .contains("did you mean 'product-focused'?"))
                .anySatisfy(p -> assertThat(p).contains("firms[a].markup (line 5, column 44): (-0.1) must be in [0, 100]"))
                .anySatisfy(p -> assertThat(p).contains("duplicate firm name 'a'"))
                .anySatisfy(p -> assertThat(p).contains("no lever bundle 'customer-focused' under archetypes:"))
                .anySatisfy(p -> assertThat(p).contains("firms[a].loyalty.enabled (line 6, column 54): must be true or false"))
                .anySatisfy(p -> assertThat(p).contains("population.segments: at least one segment"));
        assertThat(e.getMessage()).startsWith("Scenario ").contains("bad.yaml has 10 problems:");
    }

    @Test
    void segmentSharesMustSumToOne() throws IOException {
        Path file = write("shares.yaml", """
                population:
                  segments:
                    - {name: x, share: 0.5}
                    - {name: y, share: 0.4, price_sensitivity: {dist: lognormal, median: -1}}
                firms: [{name: solo, archetype: product-focused}]
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(file.toString()))
                .hasMessageContaining("population.segments: segment shares must sum to 1, they sum to 0.9")
                .hasMessageContaining("population.segments[y].price_sensitivity.median (line 4, column 66): (-1) must be in");
    }

    @Test
    void aFirmNeedsAChannelAndAdvertisesOnlyAWebStore() {
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("firms[brand-a].channels.direct=false")))
                .hasMessageContaining("firms[brand-a].channels: the firm sells through no channel")
                .hasMessageContaining("firms[brand-a].marketing.spend: marketing reaches consumers for a web store");
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        Path file = write("dup.yaml", MINIMAL + "horizon: 10\nhorizon: 20\n");
        assertThatThrownBy(() -> ScenarioLoader.load(file.toString())).hasMessageContaining("Duplicate field 'horizon'");
    }

    @Test
    void brokenYamlNamesLineAndColumn() throws IOException {
        Path file = write("broken.yaml", "population:\n  size: [1, 2\nfirms: {}\n");
        assertThatThrownBy(() -> ScenarioLoader.load(file.toString()))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("line ").hasMessageContaining("not valid YAML");
    }

    @Test
    void emptyBinaryAndMissingFilesAreClearErrors() throws IOException {
        Path empty = write("empty.yaml", "");
        assertThatThrownBy(() -> ScenarioLoader.load(empty.toString())).hasMessageContaining("empty document");
        Path binary = dir.resolve("blob.yaml");
        Files.write(binary, new byte[] {1, 0, 2, 3});
        assertThatThrownBy(() -> ScenarioLoader.load(binary.toString())).hasMessageContaining("binary file");
        assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nope.yaml").toString())).hasMessageContaining("no such file");
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baselin"))
                .hasMessageContaining("did you mean 'jeo-baseline'?");
    }

    @Test
    void setOverridesAddressListsByNameAndIndex() throws Exception {
        Scenario s = ScenarioLoader.load("jeo-baseline", List.of("firms[brand-a].markup=0.5",
                "population.segments[0].share=0.5", "population.segments[relationship-seekers].share=0.2",
                "market.relationship_decay=0.05", "firms[bulk-b].loyalty.enabled=true"));
        assertThat(s.config().firms().get(4).markup()).isEqualTo(0.5);
        assertThat(s.config().firms().get(1).loyalty().enabled()).isTrue();
        assertThat(s.config().rules().relationshipDecay()).isEqualTo(0.05);
        assertThat(s.config().population().segments().get(0).share()).isEqualTo(0.5);
        assertThat(s.document().at("/firms/4/markup").asDouble()).isEqualTo(0.5); // stored resolved
    }

    @Test
    void badOverridesSayWhatIsWrong() {
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("firms[brand-z].markup=0.5")))
                .hasMessageContaining("--set firms[brand-z].markup=0.5: no element 'brand-z' in firms (did you mean 'brand-a'?)");
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("market.relationship_dcay=0.5")))
                .hasMessageContaining("market.relationship_dcay (--set market.relationship_dcay=0.5): unknown key (did you "
                        + "mean 'relationship_decay'?)");
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("horizon")))
                .hasMessageContaining("must look like path=value");
        assertThatThrownBy(() -> ScenarioLoader.load("jeo-baseline", List.of("firms[bulk-a].markup=lots")))
                .hasMessageContaining("firms[bulk-a].markup (--set firms[bulk-a].markup=lots): must be a number in [0, 100]");
    }
    @Test
    void categoriesAreReadAndWrongOnesAreReportedTogether() throws Exception {
        Scenario s = ScenarioLoader.load("deep-focus");
        assertThat(s.config().categories().count()).isEqualTo(5);
        FirmConfig deep = s.config().firms().stream().filter(f -> f.name().equals("deep")).findFirst().orElseThrow();
        assertThat(deep.range().categories()).containsExactly("staples");
        assertThat(deep.range().expand()).isTrue();
        assertThat(s.config().keepsWallets()).isTrue();
        assertThat(ScenarioLoader.load("jeo-baseline").config().keepsWallets()).as("no categories, no tenure").isFalse();
        Path file = write("bad-categories.yaml", """
                archetypes: {product-focused: {}}
                market:
                  categories: [{name: food, frequency: 1}, {name: toys, frequency: 0}]
                population:
                  segments:
                    - {name: everyone, share: 1.0, needs: 3}
                firms:
                  - {name: solo, archetype: product-focused, categories: [fod]}
                  - {name: duo, archetype: product-focused, categories: food}
                """);
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.load(file.toString()));
        assertThat(e.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).contains("frequency").contains("must be in [0.001, 100]"))
                .anySatisfy(p -> assertThat(p).contains("firms[solo].categories").contains("unknown category 'fod'")
                        .contains("did you mean 'food'?"))
                .anySatisfy(p -> assertThat(p).contains("firms[duo].categories").contains("must be a list"))
                .anySatisfy(p -> assertThat(p).contains("population.segments[everyone].needs")
                        .contains("must be at most the number of categories"));
    }
}
