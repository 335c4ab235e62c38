package marketsim.scenario.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.scenario.input.Problem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentTest {
    @TempDir
    Path dir;

    private static final String TEXT = """
            top: 1
            items:
              - {name: a, size: 2}
              - {name: b, sise: 3}
            """;

    @Test
    void aCopyIsEqualAndKnowsItsLinesAndColumns() throws Exception {
        Document original = Document.parse("t.yaml", TEXT, false);
        Document copy = original.copy();
        assertThat(copy.root()).isEqualTo(original.root()).isNotSameAs(original.root());
        ((ObjectNode) copy.root()).put("top", 2);
        assertThat(original.root().get("top").asInt()).isEqualTo(1);
        assertThat(copy.locations().of(copy.root(), "items")).isEqualTo("line 2, column 1");
        assertThat(copy.locations().of(copy.root().get("items"), 1)).isEqualTo("line 4, column 5");
    }

    @Test
    void sectionsPlaceProblemsAndReportUnknownKeysWithTheClosestKnownOne() throws Exception {
        List<Problem> problems = new ArrayList<>();
        Section root = Section.root(Document.parse("t.yaml", TEXT, false), problems);
        root.value("top");
        for (Section item : root.list("items", "name")) {
            item.markKnown("name", "size");
            item.finish();
        }
        root.finish();
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "items[b].sise (line 4, column 15): unknown key (did you mean 'size'?) (known here: name, size)");
    }

    @Test
    void syntaxErrorsAndUnreadableFilesAreOneProblemEach() throws Exception {
        InputException broken = catchThrowableOfType(InputException.class,
                () -> Document.parse("b.yaml", "a: [1, 2\nb: 3\n", false));
        assertThat(broken.getMessage()).contains("b.yaml has a problem").contains("line ").contains("not valid YAML");
        InputException duplicate = catchThrowableOfType(InputException.class,
                () -> Document.parse("d.json", "{\"a\": 1, \"a\": 2}", true));
        assertThat(duplicate.getMessage()).contains("line 1").contains("not valid JSON").contains("Duplicate field 'a'");
        Path binary = Files.write(dir.resolve("x.yaml"), new byte[] {1, 0});
        assertThat(catchThrowableOfType(InputException.class, () -> InputFiles.read(binary, "x.yaml", "scenario", 100))
                .getMessage()).contains("is a binary file");
        Path big = Files.writeString(dir.resolve("big.yaml"), "a: 1234567890\n");
        assertThat(catchThrowableOfType(InputException.class, () -> InputFiles.read(big, "big.yaml", "scenario", 4))
                .getMessage()).contains("a scenario may be at most 4 bytes");
        assertThat(Document.parse("e.yaml", "# nothing\n", false).isEmpty()).isTrue();
    }

    @Test
    void aSecondYamlDocumentIsAnErrorAtItsMarker() throws Exception {
        InputException e = catchThrowableOfType(InputException.class,
                () -> Document.parse("m.yaml", "horizon: 10\nseed: 3\n---\nhorizon: 20\n", false));
        assertThat(e.getMessage()).contains("m.yaml has a problem")
                .contains("line 3, column 1: a second YAML document starts here");
        InputException empty = catchThrowableOfType(InputException.class,
                () -> Document.parse("m.yaml", "horizon: 10\n--- \n", false));
        assertThat(empty.getMessage()).contains("line 2, column 1: a second YAML document");
        // a marker before the one document, and the end marker, are fine
        assertThat(Document.parse("m.yaml", "---\nhorizon: 10\n...\n", false).root().get("horizon").asInt()).isEqualTo(10);
    }

    @Test
    void moreAfterTheJsonValueIsAnError() {
        InputException e = catchThrowableOfType(InputException.class,
                () -> Document.parse("t.json", "{\"horizon\": 10}\n{\"horizon\": 20}\n", true));
        assertThat(e.getMessage()).contains("line 2, column 1").contains("more after the end of the JSON document");
    }

    @Test
    void anchorsAliasesAndTagsAreRefusedWhereTheyStand() throws Exception {
        InputException alias = catchThrowableOfType(InputException.class,
                () -> Document.parse("a.yaml", "horizon: 10\nreplications: *h\n", false));
        assertThat(alias.getMessage()).contains("line 2, column 15: anchors and aliases are not supported (*h)");
        InputException anchor = catchThrowableOfType(InputException.class,
                () -> Document.parse("a.yaml", "horizon: &h 10\n", false));
        assertThat(anchor.getMessage()).contains("line 1, column 10: anchors and aliases are not supported (&h)");
        InputException mapping = catchThrowableOfType(InputException.class,
                () -> Document.parse("a.yaml", "market: &m {a: 1}\n", false));
        assertThat(mapping.getMessage()).contains("line 1, column 9: anchors and aliases are not supported (&m)");
        InputException tag = catchThrowableOfType(InputException.class,
                () -> Document.parse("a.yaml", "seed: 1\nhorizon: !!str 10\n", false));
        assertThat(tag.getMessage()).contains("line 2, column 10: YAML tags are not supported (!!str)");
        InputException custom = catchThrowableOfType(InputException.class,
                () -> Document.parse("a.yaml", "horizon: !custom 10\n", false));
        assertThat(custom.getMessage()).contains("line 1, column 10: YAML tags are not supported (!custom)");
        // '&' and '*' inside text are just text
        assertThat(Document.parse("a.yaml", "description: 'R&D * 2'\n", false).root().get("description").asText())
                .isEqualTo("R&D * 2");
    }

    @Test
    void aYamlSyntaxErrorIsPlacedAtTheProblemNotItsContext() {
        InputException tab = catchThrowableOfType(InputException.class,
                () -> Document.parse("t.yaml", "seed: 1\npopulation:\n\tsize: 200\n", false));
        assertThat(tab.getMessage()).contains("line 3, column 1: not valid YAML: found character '\\t(TAB)' that cannot "
                + "start any token");
    }

    @Test
    void nestingTooDeepIsPlacedWhereTheLimitIsPassed() {
        // the mapping is level 1, so the 1000th '[' (column 3 + 1000) is level 1001
        InputException yaml = catchThrowableOfType(InputException.class,
                () -> Document.parse("d.yaml", "a: " + "[".repeat(1001) + "]".repeat(1001) + "\n", false));
        assertThat(yaml.getMessage()).contains("line 1, column 1003: nested more than 1000 levels deep");
        InputException json = catchThrowableOfType(InputException.class,
                () -> Document.parse("d.json", "{\"a\": " + "[".repeat(1001) + "]".repeat(1001) + "}", true));
        assertThat(json.getMessage()).contains("line 1, column ").contains("not valid JSON").contains("nesting depth");
    }

    @Test
    void theParserSetsNoLengthLimitBelowTheFilesOwn() {
        // SnakeYAML refuses more than 3 Mi code points by default; a scenario may have 4 MiB
        assertThat(YamlSubset.loaderOptions().getCodePointLimit()).isGreaterThanOrEqualTo(4 * 1024 * 1024);
    }

    /** The same through both parsers, at the cost of parsing 3.5 million characters twice (seconds). */
    @Test
    @Tag("slow")
    void aLongFileWithinTheSizeLimitIsRead() throws Exception {
        String text = "description: '" + "y".repeat(3_500_000) + "'\n";
        assertThat(Document.parse("long.yaml", text, false).root().get("description").asText()).hasSize(3_500_000);
    }
}
