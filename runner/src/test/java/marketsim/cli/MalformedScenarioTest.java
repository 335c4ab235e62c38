package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed scenarios through the command line: each must end with exit code 2, a message that
 * names the problem and its place, no stack trace, and no results folder.
 */
class MalformedScenarioTest {
    @TempDir
    static Path dir;

    private static final String OK = """
            extends: jeo-baseline
            horizon: 10
            population: {size: 200}
            """;

    private static Arguments yaml(String label, String text, String... expected) {
        return Arguments.of(label, text, expected);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                yaml("empty file", "", "empty document"),
                yaml("only a comment", "# nothing\n", "empty document"),
                yaml("a list, not a mapping", "- 1\n- 2\n", "the document must be a mapping"),
                yaml("a bare string", "hello\n", "the document must be a mapping"),
                yaml("broken YAML", "population: {size: 10\nfirms: []\n", "not valid YAML", "line "),
                yaml("bad indentation", "population:\n  size: 10\n   memory: 2\n", "not valid YAML", "line "),
                yaml("duplicate key", OK + "horizon: 20\n", "Duplicate field 'horizon'"),
                yaml("unknown top-level key", OK + "horizn: 5\n", "horizn (line 4, column 1): unknown key (did you mean 'horizon'?)"),
                yaml("unknown nested key", OK + "market: {relationship_dcay: 0.1}\n", "market.relationship_dcay (line 4", "did you mean 'relationship_decay'?"),
                yaml("text where a number goes", OK + "market: {relationship_decay: fast}\n", "market.relationship_decay (line 4", "must be a number in [0, 1]"),
                yaml("out of range", OK + "market: {relationship_decay: 1.5}\n", "(1.5) must be in [0, 1]"),
                yaml("negative horizon", "extends: jeo-baseline\nhorizon: -3\n", "horizon (line 2, column 1): (-3) must be in [1, 10000]"),
                yaml("fractional integer", "extends: jeo-baseline\nhorizon: 2.5\n", "horizon (line 2", "must be a whole number"),
                yaml("zero consumers", "extends: jeo-baseline\npopulation: {size: 0}\n", "population.size (line 2", "(0) must be in [1, 10000000]"),
                yaml("boolean as text", OK + "firms: [{name: brand-a, loyalty: {enabled: maybe}}]\n", "firms[brand-a].loyalty.enabled", "must be true or false"),
                yaml("misspelt archetype", OK + "firms: [{name: newcomer, archetype: custmer-focused}]\n", "firms[newcomer].archetype", "did you mean 'customer-focused'?"),
                yaml("unknown archetype bundle", OK + "archetypes: {platform-focused: {}}\n", "archetypes.platform-focused", "unknown archetype"),
                yaml("firm without archetype", OK + "firms: [{name: orphan}]\n", "firms[orphan].archetype: is required"),
                yaml("firm without a name", OK + "firms: [{archetype: product-focused}]\n", "firms[0].name: is required"),
                yaml("firm with an empty name", OK + "firms: [{name: '', archetype: product-focused}]\n",
                        "firms[7].name (line 4, column 10): must not be empty"),
                yaml("two firms with empty names", OK + "firms: [{name: '', archetype: product-focused}, "
                        + "{name: '', archetype: product-focused}]\n", "firms[7].name (line 4, column 10): must not be "
                        + "empty", "firms[8].name (line 4, column 50): must not be empty"),
                yaml("firm with a null name", OK + "firms: [{name: null, archetype: product-focused}]\n",
                        "firms[0].name: is required"),
                yaml("pool with a blank name", OK + "seller_pools: [{name: ' ', count: 2, archetype: product-focused, "
                        + "channels: {platform: true, direct: false}}]\n", "seller_pools[0].name (line 4, column 17): "
                        + "must not be empty"),
                yaml("duplicate firm", OK + "firms: [{name: x, archetype: product-focused}, {name: x, archetype: product-focused}]\n", "duplicate firm name 'x'"),
                yaml("firm with no channel", OK + "firms: [{name: brand-a, marketing: {spend: 0}, channels: {direct: false}}]\n", "firms[brand-a].channels: the firm sells through no channel"),
                yaml("platform seller without platform", OK + "platform: null\n", "channels.platform: the firm lists on a platform, but the scenario has no platform"),
                yaml("segment shares off", "extends: jeo-baseline\nhorizon: 10\npopulation: {size: 200, segments: [{name: bargain-hunters, share: 0.9}]}\n", "segment shares must sum to 1, they sum to 1.5"),
                yaml("bad distribution family", "extends: jeo-baseline\nhorizon: 10\npopulation: {size: 200, segments: [{name: bargain-hunters, price_sensitivity: {dist: gaussian}}]}\n", "price_sensitivity.dist", "must be one of constant | normal"),
                yaml("bad distribution parameter", "extends: jeo-baseline\nhorizon: 10\npopulation: {size: 200, segments: [{name: bargain-hunters, quality_weight: {dist: normal, mean: 1, sd: -2}}]}\n", "quality_weight.sd", "(-2) must be in"),
                yaml("trait as a list", "extends: jeo-baseline\nhorizon: 10\npopulation: {size: 200, segments: [{name: bargain-hunters, switching_cost: [1, 2]}]}\n", "switching_cost", "must be a number or a distribution"),
                yaml("sponsored above results", OK + "platform: {ranking: {results: 2, sponsored_slots: 3}}\n", "platform.ranking.sponsored_slots", "must be at most results"),
                yaml("section as a number", OK + "store: 5\n", "store: must be a mapping"),
                yaml("extends nothing", "extends: \"\"\n", "extends", "must name a built-in scenario"),
                yaml("extends a missing built-in", "extends: jeo-basline\n", "did you mean 'jeo-baseline'?"),
                yaml("cyclic extends", "extends: cycle-b.yaml\n", "goes round in a circle"),
                yaml("pool entrants off the platform", OK + "seller_pools: [{name: p, count: 2, entrants: 1, archetype: customer-focused}]\n", "seller_pools[p].entrants"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedScenariosExitWith2AndSayWhatAndWhere(String label, String text, String[] expected) throws IOException {
        Files.writeString(dir.resolve("cycle-b.yaml"), "extends: cycle-a.yaml\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cycle-a.yaml"), "extends: cycle-b.yaml\n", StandardCharsets.UTF_8);
        Path file = dir.resolve(label.replace(' ', '-') + ".yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertRefused(file, expected);
    }

    @org.junit.jupiter.api.Test
    void binaryFilesAreRefused() throws IOException {
        Path file = dir.resolve("blob.yaml");
        Files.write(file, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, 3});
        assertRefused(file, "binary file");
    }

    @org.junit.jupiter.api.Test
    void hugeFilesAreRefusedBeforeParsing() throws IOException {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertRefused(file, "a scenario may be at most");
    }

    @org.junit.jupiter.api.Test
    void misspeltFirmInSetIsRefused() {
        Path out = dir.resolve("never");
        Cli cli = Cli.run("run", "jeo-baseline", "--set", "firms[brnad-a].markup=0.5", "--out", out.toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("no element 'brnad-a' in firms (did you mean 'brand-a'?)");
        assertThat(out).doesNotExist();
    }

    private static void assertRefused(Path file, String... expected) {
        Path out = dir.resolve("out-" + file.getFileName());
        Cli cli = Cli.run("run", file.toString(), "--reps", "1", "--out", out.toString(), "-q");
        assertThat(cli.code()).as(cli.err() + cli.out()).isEqualTo(2);
        for (String fragment : expected) {
            assertThat(cli.err()).contains(fragment);
        }
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
