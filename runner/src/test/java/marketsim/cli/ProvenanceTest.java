package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import marketsim.results.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder says where it came from: the build (commit), the command line, and a scenario
 * that lists every value the run used, so running the folder's own scenario.yaml gives the same
 * data; its seeds survive any reader, even one that reads numbers as doubles.
 */
class ProvenanceTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theManifestNamesTheBuildAndTheCommandLine() throws Exception {
        String[] args = {"run", "classroom", "--reps", "2", "--ticks", "8", "--seed", "7", "-q",
                "--out", dir.resolve("a").toString()};
        assertThat(Cli.run(args).code()).isZero();
        JsonNode m = JSON.readTree(dir.resolve("a/manifest.json").toFile());
        assertThat(m.path("tool_build").asText()).isEqualTo(Provenance.build());
        assertThat(Provenance.build()).as("built from a git checkout: the commit, maybe with -dirty")
                .matches("[0-9a-f]{40}(-dirty)?");
        List<String> line = new ArrayList<>();
        m.path("command_line").forEach(a -> line.add(a.asText()));
        assertThat(line).containsExactly(args);
        assertThat(Cli.run("--version").out()).contains("build " + Provenance.build());
    }

    /** The stored scenario holds the seed, the replications and every default: it re-runs the folder. */
    @Test
    void runningTheFoldersOwnScenarioReproducesItsData() throws Exception {
        assertThat(Cli.run("run", "platform-squeeze", "--reps", "2", "--ticks", "12", "--seed", "31",
                "--set", "population.size=800", "-q", "--out", dir.resolve("first").toString()).code()).isZero();
        Cli again = Cli.run("run", dir.resolve("first/scenario.yaml").toString(), "-q", "--out", dir.resolve("again").toString());
        assertThat(again.code()).as(again.err()).isZero();
        for (String file : List.of("summary.csv", "timeseries.csv", "aggregate.csv")) {
            assertThat(dir.resolve("again").resolve(file)).as(file).hasSameBinaryContentAs(dir.resolve("first").resolve(file));
        }
        assertThat(dir.resolve("again/scenario.yaml")).hasSameTextualContentAs(dir.resolve("first/scenario.yaml"));
    }

    /**
     * Seeds have at most 15 digits: Python's csv module reads them back exactly, and so does any
     * reader that turns numbers into doubles (R's read.csv, pandas' float columns, spreadsheets).
     */
    @Test
    void seedsReadBackExactlyWithPythonsCsvModuleAndAsDoubles() throws Exception {
        assumeTrue(python() != null, "python3 is not installed");
        assertThat(Cli.run("run", "classroom", "--reps", "6", "--ticks", "3", "-q",
                "--out", dir.resolve("s").toString()).code()).isZero();
        JsonNode manifest = JSON.readTree(dir.resolve("s/manifest.json").toFile());
        List<String> expected = new ArrayList<>();
        manifest.path("replication_seeds").forEach(s -> expected.add(Long.toString(s.asLong())));
        assertThat(expected).hasSize(6);
        Path script = Files.writeString(dir.resolve("seeds.py"), """
                import csv, sys
                seen = []
                with open(sys.argv[1], newline="") as f:
                    for row in csv.DictReader(f):
                        seed = row["seed"]
                        assert int(float(seed)) == int(seed), seed  # exact as a double
                        if seed not in seen:
                            seen.append(seed)
                print(" ".join(seen))
                """);
        Process p = new ProcessBuilder(python(), script.toString(), dir.resolve("s/summary.csv").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(List.of(out.split(" "))).containsExactlyElementsOf(expected);
        for (String seed : expected) {
            assertThat((long) Double.parseDouble(seed)).isEqualTo(Long.parseLong(seed));
        }
    }

    private static String python() throws IOException {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dirName, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
