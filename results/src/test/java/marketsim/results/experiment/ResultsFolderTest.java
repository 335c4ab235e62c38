package marketsim.results.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import marketsim.core.metrics.Metric;
import marketsim.format.ResultFiles;
import marketsim.format.StagedFolder;
import marketsim.results.Csv;
import marketsim.results.replication.Replicator;
import marketsim.scenario.ScenarioLoader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {
    @TempDir
    Path dir;

    private static Experiment tiny() throws Exception {
        return tiny(2, 2);
    }

    private static Experiment tiny(int replications, int threads) throws Exception {
        var scenario = ScenarioLoader.load("jeo-baseline", List.of("population.size=300", "horizon=12",
                "metrics.summary_window=4"));
        return new Experiment(scenario, List.of("population.size=300"), replications, 7, threads);
    }

    @Test
    void writesEveryFileWithTidyConsistentColumns() throws Exception {
        Path out = dir.resolve("run");
        ResultsFolder.run(out, tiny());
        assertThat(out.resolve(ResultFiles.MANIFEST)).content().contains("\"master_seed\" : 7")
                .contains("\"replication_seeds\"").contains("\"java_version\"");
        assertThat(out.resolve(ResultFiles.SCENARIO)).content().contains("firms:");
        List<CSVRecord> rows = read(out.resolve(ResultFiles.TIMESERIES));
        // 2 replications x 12 ticks x (7 firms + 3 archetypes + platform + store + market)
        assertThat(rows).hasSize(2 * 12 * 13);
        int columns = 5 + Metric.values().length;
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(columns));
        assertThat(read(out.resolve(ResultFiles.SUMMARY))).hasSize(2 * 13);
        assertThat(read(out.resolve(ResultFiles.AGGREGATE))).isNotEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out); // no partial folder left behind
        }
    }

    @Test
    void neverOverwritesAnExistingFolder() throws Exception {
        Experiment experiment = tiny();
        Path out = Files.createDirectory(dir.resolve("taken"));
        assertThatThrownBy(() -> ResultsFolder.run(out, experiment)).isInstanceOf(FileAlreadyExistsException.class);
    }

    /** The files are a function of the seed, never of the thread count or of which replication finished first. */
    @Test
    void theSameFilesWhateverTheThreadCount() throws Exception {
        ResultsFolder.run(dir.resolve("one"), tiny(9, 1));
        ResultsFolder.run(dir.resolve("three"), tiny(9, 3));
        for (String file : List.of(ResultFiles.TIMESERIES, ResultFiles.SUMMARY, ResultFiles.AGGREGATE)) {
            assertThat(dir.resolve("three").resolve(file)).hasSameBinaryContentAs(dir.resolve("one").resolve(file));
        }
    }

    /** A failure while the files stream in (here: in the charts step) leaves no folder, not even a hidden one. */
    @Test
    void aFailureLeavesNoFolderBehind() throws Exception {
        Path out = dir.resolve("failed");
        assertThatThrownBy(() -> ResultsFolder.run(out, tiny(), Replicator.Progress.NONE, (rep, record) -> { },
                folder -> {
                    throw new java.io.IOException("disk full");
                })).hasMessageContaining("disk full");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    /** A decimal comma never leaks into a CSV: the files are identical under a comma locale. */
    @Test
    void numbersAreLocaleIndependent() throws Exception {
        Experiment experiment = tiny();
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            ResultsFolder.run(dir.resolve("root"), experiment);
            Locale.setDefault(Locale.GERMANY);
            ResultsFolder.run(dir.resolve("german"), experiment);
        } finally {
            Locale.setDefault(saved);
        }
        for (String file : List.of(ResultFiles.TIMESERIES, ResultFiles.SUMMARY, ResultFiles.AGGREGATE)) {
            assertThat(dir.resolve("german").resolve(file)).hasSameBinaryContentAs(dir.resolve("root").resolve(file));
        }
        for (CSVRecord row : read(dir.resolve("root").resolve(ResultFiles.SUMMARY))) {
            for (int c = 5; c < row.size(); c++) {
                String cell = row.get(c);
                if (!cell.isEmpty()) {
                    Double.parseDouble(cell); // throws on "0,5"
                }
            }
        }
    }

    @Test
    void csvNumbersAreShortAndExact() {
        assertThat(Csv.number(9.200000000000001)).isEqualTo("9.2");
        assertThat(Csv.number(3.0)).isEqualTo("3");
        assertThat(Csv.number(Double.NaN)).isEmpty();
        assertThat(Csv.number(0.1234567890123)).isEqualTo("0.123456789");
        assertThat(Csv.number(-2.5e-7)).isEqualTo("-2.5E-7");
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVParser.builder().setReader(r)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    @Test
    void aDefaultFolderNameFitsAFileNameHoweverLongTheScenarioName() {
        for (String name : List.of("s".repeat(240), "\u54c1".repeat(200))) {
            Path folder = ResultsFolder.defaultFolder(dir, name, java.time.Instant.EPOCH);
            String file = folder.getFileName().toString();
            // staging adds ".NAME.partial-" and 19 digits: the whole must stay under 255 bytes
            assertThat(file.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(160);
            assertThat(file).startsWith(name.substring(0, 10)).endsWith("-19700101-000000");
        }
    }

    @Test
    void aFolderWithALongNameIsStagedAndWritten() throws Exception {
        // a name of 250 bytes is a valid folder name; its hidden staging sibling must be one too
        Path folder = dir.resolve("r".repeat(250));
        ResultsFolder.run(folder, tiny(), Replicator.Progress.NONE, (job, record) -> { }, ResultsFolder.Finisher.NONE);
        assertThat(folder.resolve(ResultFiles.SUMMARY)).exists();
        try (var staged = StagedFolder.create(dir, "\u54c1".repeat(200))) {
            assertThat(staged.dir()).exists();
        }
    }
}
