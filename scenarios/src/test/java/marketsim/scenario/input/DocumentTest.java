package marketsim.scenario.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.scenario.input.Problem;
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
}
