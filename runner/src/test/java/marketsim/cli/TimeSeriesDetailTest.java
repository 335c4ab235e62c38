package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketsim run --timeseries DETAIL --timeseries-every K} as a user types it: timeseries.csv keeps the rows
 * asked for, each the same bytes as in a full run, and every other data file is unchanged; the folder still charts,
 * reports and verifies. Also {@code run --profile}'s writing line.
 */
class TimeSeriesDetailTest {
    @TempDir
    static Path dir;
    static Cli full;

    private static final String[] SMALL = {"run", "jeo-baseline", "--reps", "2", "--ticks", "12", "--set",
            "population.size=500", "--set", "metrics.summary_window=6", "--seed", "4", "-q"};

    private static Cli run(String out, String... args) {
        List<String> all = new ArrayList<>(List.of(SMALL));
        all.addAll(List.of(args));
        all.add("--out");
        all.add(dir.resolve(out).toString());
        return Cli.run(all.toArray(String[]::new));
    }

    @BeforeAll
    static void fullRun() {
        full = run("full", "--profile", "--no-charts");
        assertThat(full.code()).as(full.err()).isZero();
    }

    @Test
    void archetypesEveryFiveTicksKeepsThoseRowsOfTheFullFile() throws Exception {
        Cli cli = run("thin", "--timeseries", "archetypes", "--timeseries-every", "5", "--no-charts");
        assertThat(cli.code()).as(cli.err()).isZero();
        List<String> all = Files.readAllLines(dir.resolve("full/timeseries.csv"));
        List<String> expected = new ArrayList<>(List.of(all.get(0)));
        for (String row : all.subList(1, all.size())) {
            String[] cells = row.split(",", 4);
            int tick = Integer.parseInt(cells[1]);
            boolean firm = cells[2].equals("firm") || cells[2].equals("pool");
            if (!firm && (tick % 5 == 0 || tick == 12)) {
                expected.add(row);
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(Files.readAllLines(dir.resolve("thin/timeseries.csv"))).isEqualTo(expected);
        for (String file : List.of("aggregate.csv", "summary.csv", "scenario.yaml")) {
            assertThat(dir.resolve("thin").resolve(file)).as(file).hasSameBinaryContentAs(dir.resolve("full").resolve(file));
        }
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("thin/manifest.json").toFile());
        assertThat(manifest.path("timeseries").path("detail").asText()).isEqualTo("archetypes");
        assertThat(manifest.path("timeseries").path("every").asInt()).isEqualTo(5);
        assertThat(new ObjectMapper().readTree(dir.resolve("full/manifest.json").toFile()).has("timeseries"))
                .as("a default run's manifest is as before").isFalse();
        Cli chart = Cli.run("chart", dir.resolve("thin").toString()); // checks the files against the manifest first
        assertThat(chart.code()).as(chart.err()).isZero();
    }

    @Test
    void noneWritesNoTimeSeriesAndTheFolderStillReports() throws Exception {
        Cli cli = run("none", "--timeseries", "none", "--no-charts");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(dir.resolve("none/timeseries.csv")).doesNotExist();
        assertThat(dir.resolve("none/aggregate.csv")).hasSameBinaryContentAs(dir.resolve("full/aggregate.csv"));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("none/manifest.json").toFile());
        assertThat(manifest.path("files").has("timeseries.csv")).isFalse();
        Cli report = Cli.run("report", dir.resolve("none").toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(dir.resolve("none/report.html")).exists();
    }

    @Test
    void badDetailsAreExit2WithTheChoices() {
        Cli bogus = run("bogus", "--timeseries", "weekly");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.err()).contains("--timeseries 'weekly' is not a detail; use firms").doesNotContain("\tat ");
        Cli zero = run("zero", "--timeseries-every", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--timeseries-every 0: must be from 1 to");
        Cli both = run("both", "--timeseries", "none", "--timeseries-every", "4");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("no rows to thin");
        assertThat(dir.resolve("bogus")).doesNotExist();
    }

    @Test
    void profileSaysHowLongTheWritingTookOfTheWallTime() {
        assertThat(full.out()).containsPattern("writing results \\d+\\.\\d\\d s of the command's \\d+\\.\\d\\d s wall "
                + "time \\(\\d+%\\): rows of timeseries.csv and summary.csv as the replications finished \\d+\\.\\d\\d s of "
                + "processor time")
                .containsPattern("aggregate.csv, scenario.yaml and manifest.json \\d+\\.\\d\\d s, charts and report.html "
                        + "\\d+\\.\\d\\d s");
    }
}
