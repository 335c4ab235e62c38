package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment file: every sweep, comparison, calibration and run writes experiment.yaml into its folder, and
 * {@code marketsim experiment} on that file alone (from another working folder, the scenario file and targets
 * copied beside it) writes a folder whose data files are the same, byte for byte. The manifests list every data
 * file with its SHA-256, the experiment file and its inputs included, so equal checksum lists mean equal files.
 */
class ExperimentCommandTest {
    private static final String[] SMALL = {"--reps", "2", "--ticks", "12", "--set", "population.size=300",
        "--set", "metrics.summary_window=6", "-q"};

    @TempDir
    Path dir;

    private Cli run(String... args) {
        Cli cli = Cli.run(args);
        assertThat(cli.code()).as(cli.err()).isZero();
        return cli;
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static JsonNode checksums(Path folder) throws Exception {
        return new ObjectMapper().readTree(folder.resolve("manifest.json").toFile()).get("files");
    }

    /** Runs {@code folder}'s experiment.yaml into {@code again} and checks every data file is the same. */
    private void sameAgain(Path folder, Path again) throws Exception {
        run("experiment", folder.resolve("experiment.yaml").toString(), "--out", again.toString(), "-q");
        JsonNode before = checksums(folder);
        assertThat(before.has("experiment.yaml")).as("the experiment file is a checksummed data file").isTrue();
        assertThat(checksums(again)).isEqualTo(before);
    }

    @Test
    void aSweepsFileRunsItAgainByteForByte() throws Exception {
        Path folder = dir.resolve("sweep");
        run(with(with(new String[] {"sweep", "classroom", "--design", "lhs", "--samples", "3",
            "--vary", "platform.take_rate=0.1:0.3", "--discover", "platform.platform_fee_revenue > 0",
            "--outcome", "platform.platform_fee_revenue", "--timeseries-every", "5"}, SMALL), "--out",
            folder.toString()));
        assertThat(folder.resolve("experiment.yaml")).content().contains("design: lhs").contains("samples: 3")
                .contains("scenario: classroom").contains("\"platform.take_rate=0.1:0.3\"")
                .contains("discover: \"platform.platform_fee_revenue > 0\"").contains("replications: 2")
                .contains("ticks: 12").contains("timeseries_every: 5");
        sameAgain(folder, dir.resolve("again"));
    }

    @Test
    void aComparisonOfAScenarioFileCarriesTheFileAlong() throws Exception {
        Path mine = dir.resolve("mine/cheap.yaml");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "extends: classroom\nplatform:\n  take_rate: 0.1\n");
        Path folder = dir.resolve("compare");
        run(with(with(new String[] {"compare", mine.toString(), "classroom", "--vs", "platform.subsidy=0.2"}, SMALL),
                "--out", folder.toString()));
        assertThat(folder.resolve("experiment.yaml")).content().contains("scenario: inputs/cheap.yaml")
                .contains("- classroom").contains("\"platform.subsidy=0.2\"");
        Files.delete(mine); // the folder alone runs it again
        sameAgain(folder, dir.resolve("again"));
        assertThat(dir.resolve("again/summaries/cheap_platform.subsidy_0.2.csv")).exists();
    }

    @Test
    void aCalibrationAndARunRunAgainByteForByte() throws Exception {
        Path targets = dir.resolve("targets.yaml");
        Files.writeString(targets, "parameters:\n  - {path: platform.take_rate, min: 0.05, max: 0.5}\n"
                + "targets:\n  - {outcome: platform.platform_take, value: 0.2}\n");
        Path calibration = dir.resolve("calibration");
        run(with(with(new String[] {"calibrate", "classroom", "--targets", targets.toString(), "--max-evaluations",
            "6", "--no-charts"}, SMALL), "--out", calibration.toString()));
        Files.delete(targets);
        assertThat(calibration.resolve("experiment.yaml")).content().contains("targets: inputs/targets.yaml");
        sameAgain(calibration, dir.resolve("calibration-again"));
        Path run = dir.resolve("run");
        run(with(with(new String[] {"run", "classroom", "--no-charts"}, SMALL), "--out", run.toString()));
        sameAgain(run, dir.resolve("run-again"));
    }

    /**
     * A run's time-series detail decides its timeseries.csv, so the folder's experiment.yaml states it and the re-run
     * writes the same thinned file (before, the file left it out and the re-run wrote every firm at every tick).
     */
    @Test
    void aRunsTimeSeriesDetailRunsAgainTheSame() throws Exception {
        Path run = dir.resolve("thin");
        run(with(with(new String[] {"run", "classroom", "--no-charts", "--timeseries", "archetypes",
            "--timeseries-every", "4"}, SMALL), "--out", run.toString()));
        assertThat(run.resolve("experiment.yaml")).content().contains("timeseries: archetypes")
                .contains("timeseries_every: 4");
        sameAgain(run, dir.resolve("thin-again"));
        Path plain = dir.resolve("plain");
        run(with(with(new String[] {"run", "classroom", "--no-charts"}, SMALL), "--out", plain.toString()));
        assertThat(plain.resolve("experiment.yaml")).content().doesNotContain("timeseries");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "design: compare\nscenario: classroom\nvariants: [platform.take_rate=0.2]\n"
                + "timeseries: fims\n");
        Cli refused = Cli.run("experiment", bad.toString(), "--out", dir.resolve("refused").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("timeseries (line 4").contains("applies to design run only");
    }

    /**
     * A file's description opens the report's study sentence and its burn_in sets the charts' burn-in; both are written
     * back into the folder's experiment.yaml, so it runs again the same. --burn-in 0 turns the burn-in off.
     */
    @Test
    void aFilesDescriptionAndBurnInReachTheReportAndCharts() throws Exception {
        Path file = dir.resolve("fees.yaml");
        Files.writeString(file, """
                description: Who keeps the platform's customers when its fee rises?
                design: run
                scenario: classroom
                overrides: [population.size=300, metrics.summary_window=6]
                replications: 2
                ticks: 16
                burn_in: 2
                """);
        Path folder = dir.resolve("described");
        run("experiment", file.toString(), "--out", folder.toString(), "-q");
        assertThat(folder.resolve("report.html")).content().contains("<strong>This study.</strong> Who keeps the "
                + "platform's customers when its fee rises? A run of classroom")
                .doesNotContain("This study.</strong> A run");
        assertThat(folder.resolve("experiment.yaml")).content().contains("burn_in: 2")
                .contains("description: \"Who keeps the platform's customers when its fee rises?\"");
        assertThat(folder.resolve("charts/net-margin.svg")).content().contains("burn-in (weeks 1-2)");
        sameAgain(folder, dir.resolve("again"));

        Path none = dir.resolve("none");
        run(with(with(new String[] {"run", "classroom", "--burn-in", "0"}, SMALL), "--out", none.toString()));
        assertThat(none.resolve("charts/net-margin.svg")).content().doesNotContain("burn-in");
        assertThat(none.resolve("experiment.yaml")).content().contains("burn_in: 0");
        Cli bad = Cli.run(with(with(new String[] {"run", "classroom", "--burn-in", "-3"}, SMALL), "--out",
                dir.resolve("bad").toString()));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--burn-in -3: must be from 0");
    }

    @Test
    void shardsRunFromTheFileAndMergeIntoTheWholeSweep() throws Exception {
        Path file = dir.resolve("take-rate.yaml");
        Files.writeString(file, """
                description: does the platform's fee revenue peak as its take rate rises?
                design: grid
                scenario: classroom
                factors:
                  - platform.take_rate=0.1,0.2,0.3
                overrides: [population.size=300, metrics.summary_window=6]
                replications: 2
                ticks: 12
                shards: 2
                """);
        Path whole = dir.resolve("whole");
        run("experiment", file.toString(), "--out", whole.toString(), "-q", "--no-charts");
        run("experiment", file.toString(), "--shard", "1", "--out", dir.resolve("s1").toString(), "-q");
        run("experiment", file.toString(), "--shard", "2/2", "--out", dir.resolve("s2").toString(), "-q");
        Path merged = dir.resolve("merged");
        run("merge", dir.resolve("s2").toString(), dir.resolve("s1").toString(), "--out", merged.toString(),
                "--no-charts");
        assertThat(checksums(merged)).isEqualTo(checksums(whole));
        assertThat(merged.resolve("experiment.yaml")).content().doesNotContain("shards");
        Cli wrong = Cli.run("experiment", file.toString(), "--shard", "1/3", "--out", dir.resolve("x").toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("runs as 2 shards, not 3");
    }

    @Test
    void aBadFileIsToldAtItsLinesWithExit2() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                design: gird
                scenario: classroom
                factor:
                  - platform.take_rate=0.1,0.3
                samples: 1.5
                outcomes: [platform.fee_revnue]
                """);
        Cli cli = Cli.run("experiment", file.toString(), "--out", dir.resolve("x").toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("Experiment file " + file + " has 4 problems")
                .contains("design (line 1, column 1): 'gird' is not a design")
                .contains("samples (line 5, column 1): must be a whole number of at least 2, got 1.5")
                .contains("outcomes[0] (line 6, column 12): 'platform.fee_revnue': no metric 'fee_revnue'")
                .contains("factor (line 3, column 1): unknown key (did you mean 'factors'?)")
                .contains("docs/EXPERIMENTS.md").doesNotContain("Exception");
        Files.writeString(file, "design: grid\nscenario: nowhere.yaml\nfactors: [platform.take_rate=0.1]\n"
                + "targets: t.yaml\n");
        cli = Cli.run("experiment", file.toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("scenario (line 2, column 1): 'nowhere.yaml' is neither a built-in scenario "
                + "nor a file").contains("targets (line 4, column 1): applies to design calibrate only");
        Files.writeString(file, "design: sweep\n");
        cli = Cli.run("experiment", file.toString());
        assertThat(cli.err()).contains("'sweep' is not a design").contains("scenario: missing");
        cli = Cli.run("experiment", dir.resolve("none.yaml").toString());
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("none.yaml");
    }
}
