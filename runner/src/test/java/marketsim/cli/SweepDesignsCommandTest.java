package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampling designs, scenario discovery, shards and resume, from the command line on the real model. */
class SweepDesignsCommandTest {
    /** A small, fast market: the platform squeeze at 600 consumers for 30 weeks. */
    private static final String[] SMALL = {"--set", "population.size=600", "--ticks", "30", "--set",
        "metrics.summary_window=10", "-q"};

    @TempDir
    Path dir;

    private Cli sweep(String out, String... args) {
        List<String> all = new ArrayList<>(List.of("sweep", "platform-squeeze"));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", dir.resolve(out).toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void sobolDesignWritesIndicesAndTheirCharts() throws Exception {
        Cli cli = sweep("sobol", "--design", "sobol", "--samples", "8", "--reps", "1",
                "--vary", "platform.take_rate=0.05:0.5", "--vary", "platform.subsidy=0:0.3",
                "--outcome", "platform.platform_fee_revenue");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Sobol design (Saltelli), 8 base samples: 32 points x 1 replications")
                .contains("platform.platform_fee_revenue").contains("first ").contains("total ");
        List<String> sobol = Files.readAllLines(dir.resolve("sobol/sobol.csv"));
        assertThat(sobol.get(0)).isEqualTo("outcome,parameter,first,first_low,first_high,total,total_low,total_high,note");
        assertThat(sobol).hasSize(1 + 2);
        assertThat(sobol.get(1)).startsWith("platform.platform_fee_revenue,platform.take_rate,");
        assertThat(dir.resolve("sobol/charts/sobol-platform-platform-fee-revenue.png")).exists();
        assertThat(dir.resolve("sobol/report.html")).content().contains("sobol-platform-platform-fee-revenue");
    }

    @Test
    void morrisDesignScreensAndSamplesWholeNumbersAsWholeNumbers() throws Exception {
        Cli cli = sweep("morris", "--design", "morris", "--samples", "3", "--reps", "1",
                "--vary", "platform.take_rate=0.05:0.5", "--vary", "platform.ranking.results=2:10");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Morris design, 3 trajectories on 4 levels: 9 points").contains("mu* ");
        assertThat(Files.readAllLines(dir.resolve("morris/morris.csv")).get(0))
                .isEqualTo("outcome,parameter,mu,mu_star,mu_star_low,mu_star_high,sigma,note");
        for (String line : Files.readAllLines(dir.resolve("morris/points.csv")).subList(1, 20)) {
            assertThat(line.split(",")[2]).as(line).matches("\\d+"); // platform.ranking.results is a whole number
        }
        assertThat(dir.resolve("morris/charts/morris-plane-platform-platform-fee-revenue.png")).exists();
    }

    /**
     * Since members examine lower platform results less, the forty platform sellers split fewer sales and the brands
     * out-sell them at 27 of these 30 points: the condition is a clear majority (found at take rates from about 0.19).
     */
    @Test
    void discoveryOnALatinHypercubeFindsTheTakeRatesWhereCustomerFocusTakesMostUnits() throws Exception {
        Cli cli = sweep("lhs", "--design", "lhs", "--samples", "30", "--reps", "1",
                "--vary", "platform.take_rate=0.05:0.6", "--vary", "platform.subsidy=0:0.3",
                "--discover", "customer-focused.unit_share > 0.55");
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Latin hypercube design: 30 points").contains("PRIM box (coverage")
                .contains("platform.take_rate in [");
        List<String> rows = Files.readAllLines(dir.resolve("lhs/discovery.csv"));
        assertThat(rows.get(0)).isEqualTo("condition,step,chosen,coverage,density,mass,points,parameter,low,high,"
                + "restricted");
        assertThat(rows.stream().filter(r -> r.contains(",true,") && r.contains("platform.take_rate"))).hasSize(1);
        assertThat(dir.resolve("lhs/charts/discovery-box.png")).exists();
    }

    /** Four shards merged give the folder the whole sweep writes on one machine: every file, charts included. */
    @Test
    void fourShardsMergedEqualTheOneMachineSweepByteForByte() throws Exception {
        String[] design = {"--design", "lhs", "--samples", "6", "--reps", "2", "--seed", "7",
            "--vary", "platform.take_rate=0.05:0.5", "--vary", "platform.ranking.sponsored_slots=0,1,2",
            "--discover", "platform.platform_fee_revenue > 500"};
        List<String> shards = new ArrayList<>(List.of("merge"));
        for (int i = 1; i <= 4; i++) {
            List<String> args = new ArrayList<>(List.of(design));
            args.addAll(List.of("--shard", i + "/4", "--threads", "1"));
            Cli cli = sweep("shard-" + i, args.toArray(String[]::new));
            assertThat(cli.code()).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Shard " + i + "/4: 3 runs");
            shards.add(dir.resolve("shard-" + i).toString());
        }
        shards.addAll(List.of("--out", dir.resolve("merged").toString()));
        Cli merged = Cli.run(shards.toArray(String[]::new));
        assertThat(merged.code()).as(merged.err()).isZero();
        List<String> whole = new ArrayList<>(List.of(design));
        whole.addAll(List.of("--threads", "2"));
        assertThat(sweep("whole", whole.toArray(String[]::new)).code()).isZero();
        assertSameFolder(dir.resolve("whole"), dir.resolve("merged"));

        Cli missing = Cli.run("merge", shards.get(1), shards.get(2), "--out", dir.resolve("m2").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("missing slices 3/4, 4/4").doesNotContain("\tat ");
        Cli notShard = Cli.run("merge", dir.resolve("whole").toString(), "--out", dir.resolve("m3").toString());
        assertThat(notShard.code()).isEqualTo(2);
        assertThat(notShard.err()).contains("not a sweep shard folder");
    }

    /**
     * A sweep process killed (SIGKILL) part-way resumes when the same command runs again: the
     * re-run reports the runs it took from the journal, runs only the rest, and writes the same
     * files as an uninterrupted sweep.
     */
    @Test
    void aKilledSweepProcessResumesWhereItStopped() throws Exception {
        String[] args = {"sweep", "platform-squeeze", "--set", "population.size=3000", "--ticks", "120", "-q",
            "--vary", "platform.take_rate=0.1:0.4:0.1", "--reps", "3", "--threads", "1", "--no-charts",
            "--out", dir.resolve("killed").toString()};
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "marketsim.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        Path journal = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            journal = journalIn(dir);
            if (journal != null && Files.readAllLines(journal).size() >= 1 + 3) { // header and three runs
                break;
            }
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("the sweep should still be running: %s",
                Files.readString(dir.resolve("process.log"))).isTrue();
        process.destroyForcibly().waitFor();
        assertThat(dir.resolve("killed")).doesNotExist();
        int done = Files.readAllLines(journal).size() - 1;

        Cli resumed = Cli.run(args);
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("Resuming: " + done + " of 12 runs already done");
        assertThat(resumed.out()).contains(done + " resumed from the journal");
        assertThat(journalIn(dir)).as("the journal is removed once the results are written").isNull();

        String[] fresh = args.clone();
        fresh[fresh.length - 1] = dir.resolve("fresh").toString();
        assertThat(Cli.run(fresh).code()).isZero();
        assertSameFolder(dir.resolve("fresh"), dir.resolve("killed"));
    }

    private static Path journalIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).findFirst().orElse(null);
        }
    }

    private static void assertSameFolder(Path expected, Path actual) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(expected)) {
            files = walk.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
        }
        try (Stream<Path> walk = Files.walk(actual)) {
            assertThat(walk.filter(Files::isRegularFile).map(actual::relativize).sorted().toList()).isEqualTo(files);
        }
        for (Path file : files) {
            if (file.toString().equals("manifest.json") || file.toString().equals("report.html")) {
                assertThat(withoutProvenance(actual.resolve(file))).as(file.toString())
                        .isEqualTo(withoutProvenance(expected.resolve(file)));
            } else {
                assertThat(Files.mismatch(expected.resolve(file), actual.resolve(file))).as(file.toString())
                        .isEqualTo(-1L);
            }
        }
    }

    /** The manifest (or the report, which shows it) without when, on how many threads, from how many shards and by which command line. */
    private static String withoutProvenance(Path file) throws IOException {
        if (file.getFileName().toString().equals("manifest.json")) {
            ObjectNode m = (ObjectNode) new ObjectMapper().readTree(file.toFile());
            m.remove(List.of("started", "finished", "threads", "shards", "command_line", "working_directory"));
            return m.toString();
        }
        return Files.readString(file).replaceAll("(?m)^.*&quot;(started|finished|threads|shards|command_line|working_directory)&quot; : .*$\\R", "")
                .replaceAll(",(\\R\\s*})", "$1");
    }
}
