package marketsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/ODD.md and docs/RESULTS.md carry tables generated from the code. If this fails after a
 * parameter or metric changed, regenerate them with
 * {@code mvn -pl scenarios test -Dtest=ReferenceDocsTest -Ddocs.update=true} and review the diff.
 */
class ReferenceDocsTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static void check(String file, String table) throws Exception {
        Path path = DOCS.resolve(file);
        String document = Files.readString(path, StandardCharsets.UTF_8);
        String expected = ReferenceDocs.splice(document, table);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(path, expected, StandardCharsets.UTF_8);
            document = expected;
        }
        assertThat(document).as(file + " is out of date: see this test's Javadoc").isEqualTo(expected);
    }

    @Test
    void oddListsEveryParameter() throws Exception {
        check("ODD.md", ReferenceDocs.parameterTables());
    }

    @Test
    void scenarioGuideListsEveryParameter() throws Exception {
        check("SCENARIOS.md", ReferenceDocs.parameterTables());
    }

    @Test
    void resultsDocListsEveryMetric() throws Exception {
        check("RESULTS.md", ReferenceDocs.metricTable());
    }
}
