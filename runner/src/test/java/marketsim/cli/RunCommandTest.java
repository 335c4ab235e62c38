package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"--reps", "3", "--ticks", "20", "--set", "population.size=1500",
            "--seed", "99", "-q"};

    private Cli run(String out, int threads) {
        String[] args = new String[SMALL.length + 6];
        args[0] = "run";
        args[1] = "jeo-baseline";
        System.arraycopy(SMALL, 0, args, 2, SMALL.length);
        args[SMALL.length + 2] = "--threads";
        args[SMALL.length + 3] = String.valueOf(threads);
        args[SMALL.length + 4] = "--out";
        args[SMALL.length + 5] = dir.resolve(out).toString();
        return Cli.run(args);
    }

    /**
     * A run whose scenario has stop conditions says under its table how many replications stopped early, after how
     * many ticks and by which condition (platform-squeeze's membership falls below 30% in weeks 60-100); one whose
     * condition never holds says that every run went to the horizon; one without conditions says nothing.
     */
    @Test
    void saysWhichReplicationsAStopConditionEnded() {
        Cli stopped = Cli.run("run", "platform-squeeze", "--reps", "2", "--set", "population.size=1500",
                "--set", "stop.when=platform.members < 0.30", "--set", "stop.from=10", "--seed", "99", "-q",
                "--no-charts", "--out", dir.resolve("stopped").toString());
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.out()).containsPattern("Stopped early: 2 of 2 replications, after \\d+(-\\d+)? ticks, by "
                + "platform.members < 0.30 \\(2\\); stops.csv lists each.");
        Cli never = Cli.run("run", "platform-squeeze", "--reps", "2", "--ticks", "12", "--set", "population.size=1500",
                "--set", "stop.when=platform.members < 0", "--seed", "99", "-q", "--no-charts", "--out",
                dir.resolve("never").toString());
        assertThat(never.code()).as(never.err()).isZero();
        assertThat(never.out()).contains("No replication met a stop condition: all 2 ran to the horizon.");
        Cli plain = run("plain", 1);
        assertThat(plain.out()).doesNotContain("Stopped early").doesNotContain("stop condition");
    }

    @Test
    void printsTheSummaryTableAndTheResultsPath() {
        Cli cli = run("a", 2);
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out().replaceAll("\\s+", " ")).contains("jeo-baseline: 3 replications x 20 ticks, 1,500 simulated consumers of a market of 10,000, 7 firms, "
                        + "master seed 99")
                .contains("units %").contains("platform: fee revenue").contains("store: fee revenue").contains("product-focused").contains("customer-focused")
                .contains("Results: " + dir.resolve("a"));
        assertThat(cli.out()).contains("Results: " + dir.resolve("a")); // the paths are never folded
    }

    /**
     * The firms column counts firms in the market at the end of the window, not those configured: strategy-evolution
     * with both customer-focused brands broke (no cash, a fixed cost of 5,000 a tick) exits them at the second review
     * (tick 8), so their row says 0 firms (it said 2, the configured count, before).
     */
    @Test
    void theSummaryCountsFirmsStillInTheMarket() {
        Cli cli = Cli.run("run", "strategy-evolution", "--reps", "2", "--ticks", "20", "--set", "population.size=1000",
                "--set", "archetypes.customer-focused.initial_cash=0",
                "--set", "archetypes.customer-focused.personalization.fixed_cost=5000",
                "--set", "dynamics.adaptation.review_every=4", "--set", "dynamics.adaptation.exit_after=2",
                "--set", "dynamics.adaptation.imitation_rate=0", "--set", "metrics.summary_window=4",
                "--seed", "99", "-q", "--no-charts", "--out", dir.resolve("exits").toString());
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).containsPattern("(?m)^customer-focused +0 ").containsPattern("(?m)^product-focused +4 ")
                .satisfies(out -> assertThat(out.replaceAll("\\s+", " ")).contains("7 firms"));
    }

    /** Same scenario + seed gives byte-identical files, whatever the thread count. */
    @Test
    void outputDoesNotDependOnThreads() throws Exception {
        assertThat(run("one", 1).code()).isZero();
        assertThat(run("two", 2).code()).isZero();
        for (String file : List.of("timeseries.csv", "summary.csv", "aggregate.csv", "scenario.yaml")) {
            assertThat(dir.resolve("two").resolve(file)).hasSameBinaryContentAs(dir.resolve("one").resolve(file));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode one = (ObjectNode) json.readTree(dir.resolve("one/manifest.json").toFile());
        ObjectNode two = (ObjectNode) json.readTree(dir.resolve("two/manifest.json").toFile());
        for (ObjectNode m : List.of(one, two)) {
            m.remove(List.of("started", "finished", "threads", "command_line")); // the command line names --threads and --out
        }
        assertThat(two).isEqualTo(one);
    }

    @Test
    void anExistingOutputFolderIsRefusedWithExitCode2() throws Exception {
        Files.createDirectory(dir.resolve("taken"));
        Cli cli = run("taken", 1);
        assertThat(cli.code()).isEqualTo(2);
        assertThat(cli.err()).contains("already exists").doesNotContain("Exception");
    }

    @Test
    void badInputGetsAClearMessageAndExitCode2() {
        assertBad(Cli.run("run", "jeo-basline"), "did you mean 'jeo-baseline'?");
        assertBad(Cli.run("run", "jeo-baseline", "--set", "firms[brand-z].markup=1"), "no element 'brand-z'");
        assertBad(Cli.run("run", "jeo-baseline", "--set", "firms[brand-a].markup=-1"), "firms[brand-a].markup (--set firms[brand-a].markup=-1): (-1) must be in");
        assertBad(Cli.run("run", "jeo-baseline", "--reps", "0"), "--reps 0: must be from 1 to 100000");
        assertBad(Cli.run("run", "jeo-baseline", "--threads", "0"), "--threads 0: must be at least 1");
        assertBad(Cli.run("run", "jeo-baseline", "--ticks", "-3"), "--ticks -3: must be from 1 to 10000");
        assertBad(Cli.run("run", "jeo-baseline", "--reps", "many"), "Invalid value for option '--reps'");
        assertBad(Cli.run("run", "jeo-baseline", "--seed", "-1"), "--seed -1: must be from 0 to 562949953421311");
        assertBad(Cli.run("run", "jeo-baseline", "--seed", "562949953421312"), "at most 15 digits");
        assertBad(Cli.run("run", "jeo-baseline", "--bogus"), "Unknown option: '--bogus'");
        assertBad(Cli.run("run"), "Missing required parameter: 'SCENARIO'");
        assertBad(Cli.run("frobnicate"), "Unmatched argument");
        assertBad(Cli.run("run", dir.resolve("missing.yaml").toString()), "no such file");
    }

    private static void assertBad(Cli cli, String message) {
        assertThat(cli.code()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(message).doesNotContain("\tat ");
    }

    @Test
    void helpAndVersionWork() {
        Cli help = Cli.run("run", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--reps").contains("--set").contains("--threads");
        Cli version = Cli.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("marketsim ");
    }
}
