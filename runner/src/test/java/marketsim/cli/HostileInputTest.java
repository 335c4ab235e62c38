package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hostile input through the command line (issue #17): each must end with exit code 2 and a message
 * that names what is wrong and where (file, line and column, or the flag), never a stack trace or
 * exit code 1; and no results folder.
 */
class HostileInputTest {
    /** A base small enough that the commands that get as far as running finish in a second. */
    private static final String SMALL = """
            extends: jeo-baseline
            horizon: 10
            replications: 1
            population: {size: 200}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Runs the command and checks it was refused as bad input, its message holding every fragment. */
    private Cli refused(String... args) {
        Cli cli = Cli.run(args);
        assertThat(cli.code()).as(cli.err() + cli.out()).isEqualTo(2);
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("\0");
        return cli;
    }

    private Path out() {
        return dir.resolve("out");
    }

    @Test
    void aNulInExtendsIsPlaced() throws IOException {
        Path file = write("nul.yaml", "horizon: 10\nextends: \"jeo\\0baseline\"\n");
        assertThat(refused("run", file.toString(), "-q", "--out", out().toString()).err())
                .contains("extends (line 2, column 1): 'jeo\\0baseline': not a usable path: it contains a NUL "
                        + "character (\\0) at position 4");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aNulInAPathOnTheCommandLineNamesTheArgument() throws IOException {
        Path ok = write("ok.yaml", SMALL);
        assertThat(refused("run", "jeo\0baseline", "-q").err()).contains("Scenario jeo\\0baseline has a problem")
                .contains("not a usable path: it contains a NUL character (\\0) at position 4");
        assertThat(refused("scenarios", "validate", "a\0.yaml").err()).contains("a\\0.yaml");
        assertThat(refused("run", ok.toString(), "-q", "--out", "x\0y").err())
                .contains("--out").contains("'x\\0y' is not a usable path: it contains a NUL character (\\0) at position 2");
        assertThat(refused("calibrate", ok.toString(), "-q", "--targets", "t\0.yaml").err())
                .contains("--targets").contains("'t\\0.yaml' is not a usable path");
        assertThat(refused("chart", "runs/\0").err()).contains("DIR").contains("is not a usable path");
    }

    @Test
    void aFirmNamedTwiceInAFileThatExtendsIsPlaced() throws IOException {
        Path file = write("twice.yaml", SMALL + """
                firms:
                  - {name: brand-a, markup: 0.9}
                  - {name: brand-a, markup: 0.1}
                """);
        assertThat(refused("scenarios", "validate", file.toString()).err())
                .contains("firms[brand-a] (line 7, column 5): duplicate firm name 'brand-a' (first at line 6, column 5)");
    }

    @Test
    void aSecondYamlDocumentIsPlacedInScenariosAndTargets() throws IOException {
        Path scenario = write("two.yaml", SMALL + "---\nhorizon: 20\n");
        assertThat(refused("run", scenario.toString(), "-q", "--out", out().toString()).err())
                .contains("two.yaml has a problem").contains("line 5, column 1: a second YAML document starts here");
        Path json = write("two.json", "{\"extends\": \"jeo-baseline\"}\n{\"horizon\": 5}\n");
        assertThat(refused("scenarios", "validate", json.toString()).err())
                .contains("line 2, column 1").contains("more after the end of the JSON document");
        Path targets = write("targets.yaml", """
                parameters: [{path: platform.take_rate, min: 0.05, max: 0.5}]
                targets: [{outcome: platform.platform_take, value: 0.3}]
                ---
                targets: [{outcome: platform.members, value: 0.3}]
                """);
        Path ok = write("ok.yaml", SMALL);
        assertThat(refused("calibrate", ok.toString(), "--targets", targets.toString(), "-q", "--out",
                out().toString()).err())
                .contains("Targets file " + targets + " has a problem")
                .contains("line 3, column 1: a second YAML document starts here");
        assertThat(out()).doesNotExist();
    }

    @Test
    void anEmptyPartInASetOrVaryPathNamesTheFlag() throws IOException {
        Path ok = write("ok.yaml", SMALL);
        for (String override : new String[] {"..=1", ".=1", "horizon.=1"}) {
            assertThat(refused("run", ok.toString(), "--set", override, "-q", "--out", out().toString()).err())
                    .contains("--set " + override + ": the path has an empty part");
        }
        assertThat(refused("sweep", ok.toString(), "--vary", "..=0,1", "-q", "--out", out().toString()).err())
                .contains("--vary ..=0,1").contains("the path has an empty part");
        assertThat(out()).doesNotExist();
    }

    @Test
    void anchorsAliasesAndTagsArePlaced() throws IOException {
        Path file = write("alias.yaml", SMALL + "seed: &s 5\nfirms:\n  - {name: *s, archetype: product-focused}\n");
        assertThat(refused("scenarios", "validate", file.toString()).err())
                .contains("line 5, column 7: anchors and aliases are not supported (&s)");
        Path tag = write("tag.yaml", SMALL + "seed: !custom 5\n");
        assertThat(refused("scenarios", "validate", tag.toString()).err())
                .contains("line 5, column 7: YAML tags are not supported (!custom)");
        assertThat(refused("scenarios", "validate", "jeo-baseline", "--set", "description=*x").err())
                .contains("anchors and aliases are not supported (*x)");
    }

    @Test
    void bytesThatAreNotUtf8ArePlaced() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, (SMALL + "firms: [{name: br\u00e9nd, archetype: product-focused}]\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refused("run", file.toString(), "-q", "--out", out().toString()).err())
                .contains("latin1.yaml has a problem")
                .contains("line 5, column 18 (byte 92): not UTF-8 text (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void aHugeSellerPoolIsRefusedAtOnce() throws IOException {
        // it used to draw 100,000,000 sellers (6.4 GB, minutes) before reporting the count
        Path file = write("pool.yaml", SMALL + "seller_pools:\n  - {name: flood, archetype: product-focused, count: 100000000}\n");
        assertThat(refused("scenarios", "validate", file.toString()).err())
                .contains("seller_pools[flood].count (line 6, column 47): (100000000) must be in [1, 5000]");
    }

    @Test
    void controlCharactersArePlacedInFilesAndFlags() throws IOException {
        Path file = write("ctl.yaml", SMALL + "firms: [{name: \"br\u0001nd\", archetype: product-focused}]\n");
        assertThat(refused("scenarios", "validate", file.toString()).err())
                .contains("line 5, column 19: a control character (U+0001) is not allowed; remove it");
        assertThat(refused("scenarios", "validate", "jeo-baseline", "--set", "firms[brand-a].name=br\u0001nd").err())
                .contains("--set firms[brand-a].name=br\\u0001nd").contains("a control character (U+0001) is not allowed");
    }

    @Test
    void aFlagValueThatWasNotTextInTheTerminalsEncodingIsRefused() {
        // what the JVM makes of a Latin-1 byte in a UTF-8 terminal
        assertThat(refused("scenarios", "validate", "jeo-baseline", "--set", "firms[brand-a].name=br\uFFFDnd").err())
                .contains("holds bytes that are not text in this terminal's encoding");
    }

    @Test
    void numbersYamlReadersDisagreeOnOrCannotHoldArePlaced() throws IOException {
        Path octal = write("octal.yaml", SMALL + "horizon: 010\n");
        assertThat(refused("scenarios", "validate", octal.toString()).err())
                .contains("line 5, column 10: '010' has a leading zero");
        Path huge = write("huge.yaml", SMALL + "platform: {take_rate: 1e999}\n");
        assertThat(refused("scenarios", "validate", huge.toString()).err())
                .contains("platform.take_rate (line 5, column 12): must be a finite number in")
                .contains("too large to represent (+infinity)");
    }

    @Test
    void escapedControlCharactersAndTruthValuesAreNotNames() throws IOException {
        // "a\nb" and "\0" passed as escapes reached summary.csv's cells (found by the second hostile retest)
        Path file = write("names.yaml", SMALL + "firms:\n  - {name: \"a\\nb\", archetype: product-focused}\n"
                + "  - {name: no, archetype: product-focused}\n");
        assertThat(refused("scenarios", "validate", file.toString()).err())
                .contains("firms[a\\nb].name (line 6, column 6): must not hold a control character (U+000A, at character 2")
                .contains("firms[false].name (line 7, column 6): must be text, got false (YAML reads an unquoted yes, no, on "
                        + "or off as true or false): quote the name");
        assertThat(refused("scenarios", "validate", "jeo-baseline", "--set", "firms[brand-a].name=\"bulk\\u0000a\"").err())
                .contains("must not hold a control character (U+0000");
    }

    @Test
    void aWholeNumberTooLargeToRepresentIsSaidAndASetValueIsPlacedAtTheFlag() throws IOException {
        Path file = write("inf.yaml", SMALL + "seed: 1e999\n");
        assertThat(refused("scenarios", "validate", file.toString()).err())
                .contains("seed (line 5, column 1): must be a whole number in").contains("too large to represent (+infinity)");
        assertThat(refused("scenarios", "validate", "jeo-baseline", "--set", "horizon=1e999").err())
                .contains("horizon (--set horizon=1e999): must be a whole number in [1, 10000]")
                .doesNotContain("(line ");
    }

    @Test
    void aGridLevelGivenTwiceInTwoSpellingsIsRefused() throws IOException {
        assertThat(refused("sweep", write("ok.yaml", SMALL).toString(), "--vary", "platform.take_rate=0.1,0.10", "-q",
                "--out", out().toString()).err()).contains("'0.1,0.10' gives a level twice");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aKeyThatIsAMappingOrListIsPlaced() throws IOException {
        Path file = write("key.yaml", SMALL + "? [a, b]\n: 1\n");
        assertThat(refused("scenarios", "validate", file.toString()).err())
                .contains("line 5, column 3: a key must be plain text, not a list").doesNotContain("snakeyaml");
    }

    @Test
    void aSymbolicLinkThatGoesRoundInACircleIsSaid() throws IOException {
        // they were "no built-in scenario named", "does not exist" and "File exists"
        Path loop = dir.resolve("loop1");
        Files.createSymbolicLink(dir.resolve("loop2"), loop);
        Files.createSymbolicLink(loop, dir.resolve("loop2"));
        String circle = "is a symbolic link that goes round in a circle";
        assertThat(refused("run", loop.toString(), "-q").err()).contains(circle);
        assertThat(refused("chart", loop.toString()).err()).contains(circle);
        assertThat(refused("run", write("ok.yaml", SMALL).toString(), "-q", "--out", loop.resolve("x").toString()).err())
                .contains("it is a symbolic link that goes round in a circle");
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
        assertThat(refused("chart", dir.resolve("dangling").toString()).err())
                .contains("is a symbolic link to '" + dir.resolve("gone") + "', which does not exist");
    }

    @Test
    void threadsAreBounded() throws IOException {
        Path ok = write("ok.yaml", SMALL);
        assertThat(refused("run", ok.toString(), "--threads", "1000", "-q", "--out", out().toString()).err())
                .contains("--threads 1000: must be at most " + RunOptions.MAX_THREADS);
        assertThat(refused("validate", "--threads", "100000", "--quick", "--out", out().toString()).err())
                .contains("--threads 100000: must be at most " + RunOptions.MAX_THREADS);
        assertThat(out()).doesNotExist();
    }

    @Command(name = "starved")
    static final class Starved implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource "
                    + "limits reached");
        }
    }

    @Test
    void runningOutOfThreadsOrMemoryIsAMessageNotATrace() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.configure(new CommandLine(new Starved()));
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute()).isEqualTo(1);
        assertThat(err.toString()).contains("marketsim: the run failed: the system would not start another thread")
                .contains("--threads").doesNotContain("\tat ");
    }

    @Test
    void aMisfitThatCannotBeANumberIsPlacedAtItsTarget() throws IOException {
        Path ok = write("ok.yaml", SMALL);
        Path upFront = write("scale.yaml", """
                parameters: [{path: platform.take_rate, min: 0.05, max: 0.5}]
                targets:
                  - {outcome: platform.platform_take, value: 0.3, scale: 1e-300}
                """);
        assertThat(refused("calibrate", ok.toString(), "--targets", upFront.toString(), "-q", "--out",
                out().toString()).err())
                .contains("targets[0] (line 3, column 5): the misfit, weight x (distance / scale)^2, overflows");
        // Known only once simulated: fee revenue in money, tens at least, 1e-155 scales are 1e157 or more: (1e157)^2
        Path atTheEnd = write("revenue.yaml", """
                parameters: [{path: platform.take_rate, min: 0.05, max: 0.5}]
                targets:
                  - {outcome: platform.platform_fee_revenue, value: 0, scale: 1e-155}
                """);
        Cli cli = refused("calibrate", ok.toString(), "--targets", atTheEnd.toString(), "--max-evaluations", "3",
                "-q", "--out", out().toString());
        assertThat(cli.err()).contains("Targets file " + atTheEnd + " has a problem")
                .contains("targets[0] (line 3, column 6): the misfit, weight x (distance / scale)^2, overflowed "
                        + "(exceeded 1.8e308) at every candidate")
                .doesNotContain("n/a");
        assertThat(out()).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".journal"));
        }
    }

    @Test
    void anOutFolderUnderAFileIsRefusedBeforeRunning() throws IOException {
        Path ok = write("ok.yaml", SMALL);
        assertThat(refused("run", ok.toString(), "-q", "--out", ok.resolve("x").toString()).err())
                .contains("--out " + ok.resolve("x") + ": " + ok + " is a file, not a folder");
    }

    @Test
    void aVariantWithNoOverridesIsRefused() throws IOException {
        Path ok = write("ok.yaml", SMALL);
        assertThat(refused("compare", ok.toString(), "--vs", " ; ", "-q", "--out", out().toString()).err())
                .contains("--vs ' ; ': no overrides");
        assertThat(out()).doesNotExist();
    }

    @Test
    void longNamesStillMakeFiles() throws IOException {
        Path ok = write("ok.yaml", SMALL);
        // the variant names summaries/<name>.csv: 300 characters would be longer than a file name may be
        String variant = "horizon=5; population.size=200." + "0".repeat(300);
        Cli cli = Cli.run("compare", ok.toString(), "--vs", variant, "-q", "--no-charts", "--out", out().toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        try (Stream<Path> summaries = Files.list(out().resolve("summaries"))) {
            assertThat(summaries.map(p -> p.getFileName().toString().length())).hasSize(2).allMatch(n -> n < 200);
        }
        // a scenario file with a long (valid) name names the sweep's journal beside the folder
        Path longName = write("s".repeat(240) + ".yaml", SMALL);
        Cli sweep = Cli.run("sweep", longName.toString(), "--vary", "platform.take_rate=0.1,0.2", "-q", "--no-charts",
                "--out", dir.resolve("sweep").toString());
        assertThat(sweep.code()).as(sweep.err()).isZero();
    }

    @Test
    void aDamagedManifestIsPlaced() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("results"));
        write("results/manifest.json", "{not json");
        assertThat(refused("chart", folder.toString()).err())
                .contains("manifest.json is not readable JSON (line 1, column 2)").doesNotContain("REDACTED");
    }
}
