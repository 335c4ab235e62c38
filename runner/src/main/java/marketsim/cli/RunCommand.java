package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import marketsim.charts.Figures;
import marketsim.results.Experiment;
import marketsim.results.ExperimentResult;
import marketsim.results.ExperimentRunner;
import marketsim.results.ResultsFolder;
import marketsim.results.Summaries;
import marketsim.results.SummaryTable;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marketsim run SCENARIO}: replications, a summary table, a results folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run replications of a scenario, print a summary by archetype (mean and 95%% CI) "
                + "and write a results folder.",
                "SCENARIO is a built-in name (see 'marketsim scenarios list') or a YAML/JSON file."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    RunOptions runOptions;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder to create (must not exist; default: runs/SCENARIO-TIMESTAMP).")
    Path out;

    @Option(names = "--no-charts", description = "Skip the charts and report.html (faster for many runs).")
    boolean noCharts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Experiment experiment = experiment(scenario, scenarioOptions.overrides, runOptions);
        if (out != null && out.toString().isBlank()) {
            throw new BadInputException("--out: the folder name is empty");
        }
        Path folder = out != null ? out
                : ResultsFolder.defaultFolder(Path.of("runs"), experiment.scenario().name(), Instant.now());
        if (out != null && Files.exists(folder)) {
            throw new BadInputException("--out " + folder + ": already exists; results are never overwritten. "
                    + "Choose a new folder or remove this one.");
        }
        ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "replications");
        ExperimentResult result = ExperimentRunner.run(experiment, progress);
        progress.close();
        Summaries summaries = Summaries.of(result);
        try {
            ResultsFolder.Finisher figures = noCharts ? ResultsFolder.Finisher.NONE : Figures::drawInto;
            folder = out != null ? ResultsFolder.write(folder, result, summaries, figures)
                    : ResultsFolder.writeNew(Path.of("runs"), experiment.scenario().name(), result, summaries, figures);
        } catch (IOException e) {
            throw new BadInputException((out != null ? "--out " : "") + folder + ": cannot write the results folder ("
                    + e.getMessage() + ")");
        }
        stdout.print(SummaryTable.render(result, summaries));
        stdout.printf("%nResults: %s%n", folder);
        if (!noCharts) {
            stdout.printf("Report:  %s%n", folder.resolve("report.html"));
        }
        stdout.flush();
        return 0;
    }

    /** Loads the scenario with overrides and turns the run options into an experiment. */
    static Experiment experiment(String name, List<String> overrides, RunOptions options) throws Exception {
        List<String> all = new ArrayList<>(overrides);
        if (options.ticks != null) {
            if (options.ticks < 1) {
                throw new BadInputException("--ticks " + options.ticks + ": must be at least 1");
            }
            all.add("horizon=" + options.ticks);
        }
        if (options.reps != null && options.reps < 1) {
            throw new BadInputException("--reps " + options.reps + ": must be at least 1");
        }
        if (options.threads != null && options.threads < 1) {
            throw new BadInputException("--threads " + options.threads + ": must be at least 1");
        }
        Scenario scenario = ScenarioLoader.load(name, all);
        int reps = options.reps != null ? options.reps : scenario.replications();
        long seed = options.seed != null ? options.seed : scenario.seed();
        int threads = options.threads != null ? options.threads : Runtime.getRuntime().availableProcessors();
        return new Experiment(scenario, all, reps, seed, threads);
    }
}
