package marketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import marketsim.core.config.MarketConfig;
import marketsim.results.replication.Replicator;
import marketsim.results.experiment.Outcome;
import marketsim.results.experiment.Summaries;
import marketsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    private static final String SCENARIO = "platform-squeeze";
    private static final long SEED = 20261126;
    /** Consumers of the recovery test: enough that sampling jitter does not trap the search. */
    private static final int RECOVERY_CONSUMERS = 3000;

    @TempDir
    Path dir;

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] args(Path targets, Path out, String... more) {
        List<String> all = new ArrayList<>(List.of("calibrate", SCENARIO, "--targets", targets.toString(),
                "--reps", "2", "--seed", Long.toString(SEED), "--ticks", "40", "--set", "population.size=1000",
                "--set", "metrics.summary_window=20", "-q", "--out", out.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static Map<String, String> row(Path csv, String key) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            if (cells.get(0).equals(key)) {
                return header.stream().collect(Collectors.toMap(h -> h, h -> cells.get(header.indexOf(h))));
            }
        }
        throw new AssertionError(key + " not in " + csv);
    }

    /** Each outcome's mean over the calibration's replication seeds, at the given overrides. */
    private static double[] simulatedMeans(int consumers, List<String> overrides, String... outcomes)
            throws Exception {
        List<String> all = new ArrayList<>(List.of("population.size=" + consumers, "metrics.summary_window=20",
                "horizon=40"));
        all.addAll(overrides);
        MarketConfig config = ScenarioLoader.load(SCENARIO, all).config();
        double[] means = new double[outcomes.length];
        for (int r = 0; r < 2; r++) {
            Summaries.Run run = Summaries.runOnce(config, Replicator.seed(SEED, r));
            for (int k = 0; k < outcomes.length; k++) {
                means[k] += run.value(Outcome.parse(outcomes[k])) / 2;
            }
        }
        return means;
    }

    @Test
    void recoversTheParametersThatGeneratedItsTargets() throws Exception {
        double takeRate = 0.25;
        double varietyWeight = 0.8;
        double[] truth = simulatedMeans(RECOVERY_CONSUMERS, List.of("platform.take_rate=" + takeRate,
                "platform.membership.variety_weight=" + varietyWeight), "product-focused.fee_share", "platform.members");
        Path targets = write("generated.yaml", """
                parameters:
                  - {path: platform.take_rate, min: 0.05, max: 0.45}
                  - {path: platform.membership.variety_weight, min: 0.2, max: 1.4}
                targets:
                  - {outcome: product-focused.fee_share, value: %s, scale: 0.01}
                  - {outcome: platform.members, value: %s, scale: 0.01}
                """.formatted(truth[0], truth[1]));
        Cli cli = Cli.run(args(targets, dir.resolve("fit"), "--max-evaluations", "200", "--no-charts", "--set",
                "population.size=" + RECOVERY_CONSUMERS));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("2 parameters fitted to 2 targets").contains("Results: ");
        // At the true values the loss is exactly 0: common random numbers reproduce the very runs the
        // targets came from. Near them the objective is deterministic but rugged at a fine scale, as
        // sellers' discrete listing decisions and members' discrete joins shift with the parameters.
        // Measured when 1,000 consumers were the whole market (before population.market_size; they now simulate
        // platform-squeeze's 10,000, and the search still lands within the tolerances) with sweeps at steps of
        // 0.002 and 0.01: fee share rises 0.80 per
        // unit of take rate with jitter up to 0.004 (so take rate is resolved to +-0.005); members rise
        // 0.38 per unit of variety weight with jitter up to 0.006 (variety weight resolved to +-0.015).
        // At 1,000 consumers a local dip of that jitter held the search at take rate 0.238 on other
        // random streams; at 3,000 the jitter is about half (1 / sqrt(3)) and 200 evaluations reach
        // 0.250 / 0.804. The tolerances, +-0.01 and +-0.04 (2.5% and 3.3% of the ranges searched),
        // are about four times the resolution.
        Path parameters = dir.resolve("fit/parameters.csv");
        assertThat(Double.parseDouble(row(parameters, "platform.take_rate").get("fitted")))
                .isCloseTo(takeRate, within(0.01));
        assertThat(Double.parseDouble(row(parameters, "platform.membership.variety_weight").get("fitted")))
                .isCloseTo(varietyWeight, within(0.04));
    }

    @Test
    void writesTheFitAndAFittedScenarioThatRunsAndGivesTheFitBack() throws Exception {
        Path targets = write("targets.yaml", """
                parameters:
                  - {path: platform.take_rate, min: 0.05, max: 0.45}
                  - {path: platform.ranking.results, min: 2, max: 8}
                targets:
                  - {outcome: product-focused.fee_share, range: [0.40, 0.55]}
                  - {outcome: customer-focused.retention, value: 0.9, scale: 0.05}
                """);
        Cli cli = Cli.run(args(targets, dir.resolve("fit"), "--max-evaluations", "8"));
        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("platform.take_rate").contains("[0.05, 0.45]").contains("[0.4, 0.55]")
                .contains("evaluation budget used").contains("Report:");
        Path fit = dir.resolve("fit");
        assertThat(Files.readAllLines(fit.resolve("evaluations.csv"))).hasSize(1 + 8).first().isEqualTo(
                "evaluation,generation,platform.take_rate,platform.ranking.results,loss,best_loss,missing,"
                        + "product-focused.fee_share,customer-focused.retention");
        assertThat(Files.readAllLines(fit.resolve("fit.csv"))).hasSize(3).first().isEqualTo("outcome,kind,target_low,"
                + "target_high,weight,scale,n,fitted_mean,sd,ci_low,ci_high,distance,contribution");
        Map<String, String> results = row(fit.resolve("parameters.csv"), "platform.ranking.results");
        assertThat(results.get("integer")).isEqualTo("true");
        assertThat(results.get("fitted")).matches("[2-8]");
        assertThat(fit.resolve("manifest.json")).content().contains("\"command\" : \"calibrate\"")
                .contains("\"replication_seeds\"").contains("\"best_loss\"").contains("\"targets\" : \"parameters:");
        assertThat(javax.imageio.ImageIO.read(fit.resolve("charts/calibration-convergence.png").toFile()).getWidth())
                .isEqualTo(1280);
        assertThat(fit.resolve("charts/calibration-parameters.svg")).content().contains("<svg");
        assertThat(fit.resolve("report.html")).content().contains("Calibration of platform-squeeze")
                .contains("calibration-convergence").contains("Fitted parameters");
        assertThat(dir).isDirectoryNotContaining("glob:**/.calibrate-*"); // the journal is gone once the folder is written

        // the fitted scenario is a scenario: run it on the calibration's seeds and the fitted means come back
        Cli rerun = Cli.run("run", fit.resolve("scenario.yaml").toString(), "--reps", "2", "--seed",
                Long.toString(SEED), "-q", "--no-charts", "--out", dir.resolve("rerun").toString());
        assertThat(rerun.code()).as(rerun.err()).isZero();
        List<String> summary = Files.readAllLines(dir.resolve("rerun/summary.csv"));
        int retention = Arrays.asList(summary.get(0).split(",")).indexOf("retention");
        double mean = summary.stream().filter(l -> l.contains(",archetype,customer-focused,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[retention])).average().orElseThrow();
        assertThat(mean).isCloseTo(Double.parseDouble(row(fit.resolve("fit.csv"), "customer-focused.retention")
                .get("fitted_mean")), within(1e-9));
    }

    @Test
    void aKilledCalibrationResumesWhereItStoppedWhenTheSameCommandRunsAgain() throws Exception {
        Path targets = write("targets.yaml", """
                parameters:
                  - {path: platform.take_rate, min: 0.05, max: 0.45}
                  - {path: platform.membership.variety_weight, min: 0.2, max: 1.4}
                targets:
                  - {outcome: product-focused.fee_share, range: [0.40, 0.55]}
                  - {outcome: platform.members, value: 0.3, scale: 0.01}
                """);
        Path out = dir.resolve("runs/fit");
        String[] command = args(targets, out, "--max-evaluations", "40", "--no-charts", "--threads", "1");
        Cli whole = Cli.run(command);
        assertThat(whole.code()).as(whole.err()).isZero();
        Path uninterrupted = Files.move(out, dir.resolve("uninterrupted"));

        // the same command in its own process, killed (SIGKILL: no shutdown hooks, no clean-up) mid-way
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        java.addAll(List.of(command));
        Process process = new ProcessBuilder(java).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
                .start();
        Path journal = null;
        while (process.isAlive() && (journal == null || Files.readAllLines(journal).size() < 1 + KILL_AFTER)) {
            try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
                journal = files.filter(f -> f.getFileName().toString().endsWith(".journal")).findFirst().orElse(null);
            } catch (java.nio.file.NoSuchFileException notYet) {
                journal = null;
            }
            Thread.sleep(5);
        }
        process.destroyForcibly().waitFor();
        assertThat(journal).as(Files.readString(dir.resolve("log"))).isNotNull().exists();
        assertThat(out).doesNotExist();

        // the same command again, on more threads (which do not change the evaluations)
        Cli resumed = Cli.run(args(targets, out, "--max-evaluations", "40", "--no-charts", "--threads", "2"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).containsPattern("Resuming: \\d+ of at most 40 evaluations already done");
        int done = Integer.parseInt(resumed.err().replaceAll("(?s).*Resuming: (\\d+) of.*", "$1"));
        assertThat(done).isBetween(KILL_AFTER, 39);
        assertThat(journal).doesNotExist();
        for (String file : List.of("scenario.yaml", "fit.csv", "parameters.csv", "evaluations.csv")) {
            assertThat(Files.readAllBytes(out.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(uninterrupted.resolve(file)));
        }
        assertThat(out.resolve("manifest.json")).content().contains("\"resumed_evaluations\" : " + done);
    }

    /** Evaluations journaled before the kill: enough to resume from, far from the 40 of the budget. */
    private static final int KILL_AFTER = 3;

    @Test
    void badTargetsFilesExitWith2NamingTheFileAndLine() {
        Path typo = write("typo.yaml", """
                parameters:
                  - {path: platform.take_rate, min: 0.05, max: 0.45}
                targets:
                  - {outcome: platform.platfrom_take, value: 0.3}
                """);
        assertBad(Cli.run(args(typo, dir.resolve("a"))), "Targets file " + typo + " has a problem",
                "targets[0].outcome (line 4, column 6)", "did you mean 'platform_take'?");
        Path range = write("range.yaml", """
                parameters:
                  - {path: platform.take_rate, min: 0.05, max: 1.5}
                targets:
                  - {outcome: nobody.members, value: 0.3}
                """);
        assertBad(Cli.run(args(range, dir.resolve("b"))), "parameters[0].max (line 2, column 43): the scenario "
                + "rejects platform.take_rate=1.5", "targets[0].outcome (line 4, column 6): 'nobody.members': this "
                + "scenario has no entity 'nobody'");
        Path broken = write("broken.yaml", "parameters: [\n");
        assertBad(Cli.run(args(broken, dir.resolve("c"))), "broken.yaml has a problem", "not valid YAML");
        assertBad(Cli.run(args(dir.resolve("none.yaml"), dir.resolve("d"))), "none.yaml has a problem", "no such file");
        assertBad(Cli.run(args(typo, dir.resolve("e"), "--max-evaluations", "0")),
                "--max-evaluations 0: must be at least 1");
        assertBad(Cli.run("calibrate", SCENARIO), "Missing required option: '--targets=FILE'");
    }

    private void assertBad(Cli cli, String... messages) {
        assertThat(cli.code()).as(cli.out() + cli.err()).isEqualTo(2);
        assertThat(cli.err()).contains(messages).doesNotContain("\tat ").doesNotContain("Exception");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(name -> name.endsWith(".yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
