package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results folder changed after it was written: each manifest records the SHA-256 of every data file, written after
 * them, and {@code chart}, {@code report} and {@code merge} check the files they read against it; a manifest that is
 * not one, or names a command they cannot draw from, is refused. Each refusal is exit 2 with one message naming the
 * file and what to do.
 */
class FolderIntegrityTest {
    private static final String[] SMALL = {"--reps", "2", "--ticks", "8", "--set", "population.size=200", "-q",
            "--no-charts", "--seed", "3"};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    static Path made;
    private static Path run;
    private static Path compare;
    private static Path sweep;
    private static List<Path> shards;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeFolders() {
        run = made("run", "run", "classroom");
        compare = made("compare", "compare", "classroom", "--vs", "platform.take_rate=0.3");
        sweep = made("sweep", "sweep", "classroom", "--vary", "platform.take_rate=0.1,0.3");
        shards = List.of(made("shard-1", "sweep", "classroom", "--vary", "platform.take_rate=0.1,0.3", "--shard", "1/2"),
                made("shard-2", "sweep", "classroom", "--vary", "platform.take_rate=0.1,0.3", "--shard", "2/2"));
    }

    private static Path made(String name, String... command) {
        Path out = made.resolve(name);
        Cli cli = Cli.run(Stream.of(Stream.of(command), Stream.of(SMALL), Stream.of("--out", out.toString()))
                .flatMap(s -> s).toArray(String[]::new));
        assertThat(cli.code()).as(cli.err()).isZero();
        return out;
    }

    /** A copy of a folder made above, to damage. */
    private Path copy(Path folder) throws IOException {
        Path to = dir.resolve(folder.getFileName());
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                Files.copy(p, to.resolve(folder.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    private static void assertRefused(Cli cli, String... contains) {
        assertThat(cli.code()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(contains).doesNotContain("\tat ");
        assertThat(cli.err().strip().lines()).as(cli.err()).hasSize(1);
    }

    private static ObjectNode manifest(Path folder) throws IOException {
        return (ObjectNode) JSON.readTree(folder.resolve("manifest.json").toFile());
    }

    private static void write(Path folder, JsonNode manifest) throws IOException {
        Files.writeString(folder.resolve("manifest.json"), JSON.writeValueAsString(manifest) + "\n");
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every data file's SHA-256 is in the manifest, under its path in the folder. */
    @Test
    void everyManifestRecordsTheChecksumOfEachDataFile() throws Exception {
        for (Path folder : List.of(run, compare, sweep, shards.get(0))) {
            JsonNode files = manifest(folder).get("files");
            assertThat(files).as(folder + " files").isNotNull();
            assertThat(files.isObject()).as(folder + " files is an object").isTrue();
            assertThat(files.size()).isPositive();
            files.fields().forEachRemaining(f -> {
                try {
                    assertThat(f.getValue().asText()).as(folder + "/" + f.getKey()).isEqualTo(sha256(folder.resolve(f.getKey())));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
        assertThat(manifest(run).get("files").fieldNames()).toIterable()
                .containsExactly("scenario.yaml", "timeseries.csv", "summary.csv", "aggregate.csv", "experiment.yaml");
        assertThat(manifest(compare).get("files").fieldNames()).toIterable().contains("comparison.csv",
                "summaries/classroom.csv");
        assertThat(manifest(shards.get(0)).get("files").fieldNames()).toIterable().containsExactly("shard-runs.txt", "experiment.yaml");
    }

    /** A CSV cut at a line boundary (still a well-formed CSV) no longer matches its checksum. */
    @Test
    void aFileCutAtALineIsRefused() throws Exception {
        Path folder = copy(run);
        List<String> lines = Files.readAllLines(folder.resolve("aggregate.csv"));
        Files.write(folder.resolve("aggregate.csv"), lines.subList(0, lines.size() / 2));
        for (String command : List.of("chart", "report")) {
            assertRefused(Cli.run(command, folder.toString()), folder.resolve("aggregate.csv").toString(),
                    "does not match", "manifest.json");
        }
    }

    @Test
    void aMissingFileIsRefused() throws Exception {
        Path folder = copy(run);
        Files.delete(folder.resolve("summary.csv"));
        assertRefused(Cli.run("report", folder.toString()), folder.resolve("summary.csv").toString(), "missing");
    }

    @Test
    void aManifestThatIsNotAnObjectIsRefused() throws Exception {
        Path folder = copy(run);
        Files.writeString(folder.resolve("manifest.json"), "[]\n");
        assertRefused(Cli.run("chart", folder.toString()), folder.resolve("manifest.json").toString(), "not a marketsim manifest");
        Files.writeString(folder.resolve("manifest.json"), "\"run\"\n");
        assertRefused(Cli.run("report", folder.toString()), "not a marketsim manifest");
    }

    /** A shard is merged, not charted; an unknown or missing command names what chart and report draw from. */
    @Test
    void aManifestNamingAnotherCommandIsRefused() throws Exception {
        Path folder = copy(run);
        ObjectNode m = manifest(folder);
        m.put("command", "sweep-shard");
        write(folder, m);
        assertRefused(Cli.run("chart", folder.toString()), "shard", "marketsim merge");
        m.put("command", "validate");
        write(folder, m);
        assertRefused(Cli.run("report", folder.toString()), "'validate'", "run, compare, sweep, calibrate, optimize or audit");
        m.put("command", 7);
        write(folder, m);
        assertRefused(Cli.run("report", folder.toString()), "command");
        m.put("command", "compare"); // a run's files under another command's name
        write(folder, m);
        assertRefused(Cli.run("report", folder.toString()), "comparison.csv");
        Path shard = copy(shards.get(0));
        assertRefused(Cli.run("chart", shard.toString()), "shard", "marketsim merge");
    }

    @Test
    void checksumsOfTheWrongTypeAreRefused() throws Exception {
        Path folder = copy(run);
        ObjectNode m = manifest(folder);
        m.put("files", "aggregate.csv");
        write(folder, m);
        assertRefused(Cli.run("report", folder.toString()), "files");
        m.putObject("files").put("aggregate.csv", 5);
        write(folder, m);
        assertRefused(Cli.run("report", folder.toString()), "aggregate.csv");
        m.putObject("files").put("../run/aggregate.csv", sha256(folder.resolve("aggregate.csv")));
        write(folder, m);
        assertRefused(Cli.run("report", folder.toString()), "../run/aggregate.csv");
    }

    /** A file where the charts folder goes is the user's: the redraw refuses, and leaves it. */
    @Test
    void aFileWhereTheChartsGoIsLeftAndNamed() throws Exception {
        Path folder = copy(run);
        Files.writeString(folder.resolve("charts"), "my notes");
        assertRefused(Cli.run("chart", folder.toString()), folder.resolve("charts").toString(), "move it away");
        assertThat(folder.resolve("charts")).hasContent("my notes");
    }

    /** A folder from before checksums (its files a list of names) is still drawn, its files only found present. */
    @Test
    void aFolderFromBeforeChecksumsIsStillDrawn() throws Exception {
        Path folder = copy(run);
        ObjectNode m = manifest(folder);
        m.putArray("files").add("scenario.yaml").add("timeseries.csv").add("summary.csv").add("aggregate.csv");
        write(folder, m);
        Cli report = Cli.run("report", folder.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.err()).contains("no checksums");
    }

    /**
     * A manifest whose checksums were emptied (or lost one file's) verifies nothing: every data file must have its
     * checksum (found by the second hostile retest: an emptied map and cut files were charted, exit 0).
     */
    @Test
    void aDataFileWithoutItsChecksumIsRefused() throws Exception {
        Path folder = copy(run);
        ObjectNode m = manifest(folder);
        ((ObjectNode) m.get("files")).remove("summary.csv");
        write(folder, m);
        assertRefused(Cli.run("chart", folder.toString()), folder.resolve("summary.csv") + " has no SHA-256 in manifest.json");
        m.putObject("files");
        write(folder, m);
        Files.writeString(folder.resolve("timeseries.csv"), "tick\n");
        assertRefused(Cli.run("report", folder.toString()), "has no SHA-256 in manifest.json");
    }

    /** charts/ as a link to another folder: chart wrote there and removed the PNGs it had not drawn (a thesis figure). */
    @Test
    void aChartsFolderThatIsALinkElsewhereIsRefusedAndNothingThereIsTouched() throws Exception {
        Path folder = copy(run);
        Path elsewhere = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(elsewhere.resolve("figure.png"), "mine");
        deleteTree(folder.resolve("charts"));
        Files.createSymbolicLink(folder.resolve("charts"), elsewhere);
        assertRefused(Cli.run("chart", folder.toString()), "charts", "is a symbolic link");
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("figure.png");
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A shard whose run list was edited (a value changed, still well-formed) is refused by merge. */
    @Test
    void mergeRefusesAShardWhoseRunsWereEdited() throws Exception {
        Path shard = copy(shards.get(1));
        Path runs = shard.resolve("shard-runs.txt");
        String text = Files.readString(runs, StandardCharsets.UTF_8);
        int comma = text.indexOf(',');
        Files.writeString(runs, text.substring(0, comma + 1) + "1" + text.substring(comma + 1), StandardCharsets.UTF_8);
        Cli merge = Cli.run("merge", shards.get(0).toString(), shard.toString(), "--no-charts", "--out",
                dir.resolve("merged").toString());
        assertRefused(merge, runs.toString(), "does not match");
        assertThat(dir.resolve("merged")).doesNotExist();
        Cli whole = Cli.run("merge", shards.get(0).toString(), shards.get(1).toString(), "--no-charts", "--out",
                dir.resolve("merged").toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        for (String file : List.of("runs.csv", "points.csv")) {
            assertThat(dir.resolve("merged").resolve(file)).hasSameBinaryContentAs(sweep.resolve(file));
        }
    }

    /**
     * Shards whose plans were edited alike (a point's value changed in both manifests, so they still agree with each
     * other) are refused: the plan no longer has the identity the shards ran under. Merge used to label the points
     * with the edited values.
     */
    @Test
    void mergeRefusesShardsWhosePlansWereEditedAlike() throws Exception {
        List<Path> edited = new java.util.ArrayList<>();
        for (Path shard : shards) {
            Path copy = copy(shard);
            String text = Files.readString(copy.resolve("manifest.json"), StandardCharsets.UTF_8);
            assertThat(text).contains("0.3");
            Files.writeString(copy.resolve("manifest.json"), text.replace("0.3", "0.4"), StandardCharsets.UTF_8);
            edited.add(copy);
        }
        Cli merge = Cli.run("merge", edited.get(0).toString(), edited.get(1).toString(), "--no-charts", "--out",
                dir.resolve("merged").toString());
        assertRefused(merge, edited.get(0).toString(), "manifest.json's plan is not the plan this shard ran");
        assertThat(dir.resolve("merged")).doesNotExist();
    }

    /**
     * A killed sweep's journal with a run's value edited (still a well-formed number) is refused when the sweep is run
     * again, naming the journal and the line, rather than resumed into results that look right.
     */
    @Test
    void aSweepDoesNotResumeFromAnEditedJournal() throws Exception {
        String[] args = {"sweep", "classroom", "--set", "population.size=300", "--ticks", "20", "-q", "--reps", "2",
            "--vary", "platform.take_rate=0.05:0.6:0.01", "--threads", "1", "--no-charts",
            "--out", dir.resolve("sweep").toString()};
        Process process = Cli.start(args);
        Path journal = null;
        for (int i = 0; i < 1200 && process.isAlive(); i++) {
            try (Stream<Path> files = Files.list(dir)) {
                journal = files.filter(p -> p.toString().endsWith(".journal")).findFirst().orElse(null);
            }
            if (journal != null && Files.readString(journal).split("\n", -1).length >= 1 + 3 + 1) {
                break; // the header and three whole records
            }
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("the sweep was still running").isTrue();
        process.destroyForcibly().waitFor();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
        String record = lines.get(2);
        int at = record.length() / 2;
        while (!Character.isDigit(record.charAt(at)) || record.charAt(at) == '9') {
            at++;
        }
        lines.set(2, record.substring(0, at) + (char) (record.charAt(at) + 1) + record.substring(at + 1));
        Files.write(journal, lines);
        Cli resumed = Cli.run(args);
        assertRefused(resumed, journal.toString(), "line 3");
        assertThat(dir.resolve("sweep")).doesNotExist();
    }
}
