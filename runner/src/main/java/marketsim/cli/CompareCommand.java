package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import marketsim.format.StagedFolder;
import marketsim.results.study.ExperimentFile;
import marketsim.results.experiment.Comparison;
import marketsim.core.metrics.Entity;
import marketsim.core.metrics.RunRecord;
import marketsim.results.table.ComparisonTable;
import marketsim.results.table.Layout;
import marketsim.results.table.Selection;
import marketsim.results.experiment.Experiment;
import marketsim.results.experiment.ExperimentResult;
import marketsim.results.experiment.ExperimentRunner;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.experiment.Summaries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marketsim compare A [B ...] [--vs 'path=value; ...']...}: every variant runs on the same
 * replication seeds (common random numbers) and is reported against the first as paired
 * differences with 95% confidence intervals.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run scenarios (or variants of one) on common random numbers and report paired "
                + "differences against the first, with 95%% confidence intervals.",
                "Examples: marketsim compare jeo-baseline platform-squeeze",
                "          marketsim compare jeo-baseline --vs 'platform.take_rate=0.25' --vs 'platform.subsidy=0.2'",
                "          marketsim compare classroom --vs 'platform.take_rate=0.3' --entity bulk-c --entity platform"})
final class CompareCommand extends StudyCommand {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Built-in names or files; the first is the reference.")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--vs", paramLabel = "OVERRIDES",
            description = "A variant of the first scenario: overrides separated by ';', e.g. "
                    + "'platform.take_rate=0.25; platform.subsidy=0.1' (repeatable).")
    List<String> variants = new ArrayList<>();

    @picocli.CommandLine.Mixin
    SelectionOptions selection;

    @picocli.CommandLine.Mixin
    ExperimentOptions experimentOptions;

    @picocli.CommandLine.Mixin
    TableOptions table;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        if (scenarios.size() + variants.size() < 2) {
            throw new BadInputException("compare needs at least two: give a second scenario or a --vs variant");
        }
        Layout layout = table.layout();
        output.checkFree();
        List<String> names = new ArrayList<>();
        List<Experiment> experiments = new ArrayList<>();
        for (String scenario : scenarios) {
            Experiment e = RunCommand.experiment(scenario, scenarioOptions.overrides, runOptions);
            names.add(unique(names, e.scenario().name()));
            experiments.add(e);
        }
        for (String variant : variants) {
            List<String> overrides = new ArrayList<>(scenarioOptions.overrides);
            for (String part : variant.split(";")) {
                if (!part.isBlank()) {
                    overrides.add(part.strip());
                }
            }
            if (overrides.size() == scenarioOptions.overrides.size()) {
                throw new BadInputException("--vs '" + variant + "': no overrides; a variant is path=value pairs "
                        + "separated by ';', e.g. 'platform.take_rate=0.25; platform.subsidy=0.1'");
            }
            Experiment e = RunCommand.experiment(scenarios.get(0), overrides, runOptions);
            // named by the reference's name, not by how it was given (a path): the same names, and file names,
            // wherever the experiment runs from
            names.add(unique(names, experiments.get(0).scenario().name() + " " + variant.strip()));
            experiments.add(e);
        }
        Experiment first = experiments.get(0);
        List<Entity> entities = new RunRecord(first.scenario().config()).entities();
        Selection rows = selection.asked() ? selection.select(entities) : ComparisonTable.headline(entities);
        ExperimentRecord record = new ExperimentRecord();
        String referenceFile = record.scenario(scenarios.get(0), scenarioOptions.overrides);
        List<String> others = new ArrayList<>();
        for (String scenario : scenarios.subList(1, scenarios.size())) {
            others.add(record.scenario(scenario, scenarioOptions.overrides));
        }
        ExperimentFile experiment = new ExperimentFile("compare", referenceFile, others,
                variants.stream().map(String::strip).toList(), scenarioOptions.overrides, first.replications(),
                first.masterSeed(), runOptions.ticks, List.of(), null, null, List.of(), null, null, null, null)
                .with(experimentOptions.description, experimentOptions.burnIn(), null);
        ResultsFolder.Destination destination = output.destination("compare-" + ResultsFolderName.of(names.get(0)));
        Path folder;
        Comparison comparison;
        // Staged before the runs: a folder that cannot be written is found now, not after every run.
        try (StagedFolder staged = output.stage(destination)) {
            List<ExperimentResult> results = new ArrayList<>();
            List<Summaries> summaries = new ArrayList<>();
            runPaired(experiments, stderr, results, summaries);
            comparison = Comparison.of(names.get(0), summaries.get(0), names.subList(1, names.size()),
                    summaries.subList(1, summaries.size()));
            folder = ResultsFolder.writeComparison(staged, destination, names, results, summaries, comparison,
                    record.then(experiment, output.figures()));
        } catch (IOException e) {
            throw output.cannotWrite(destination.where(), e);
        }
        Experiment reference = experiments.get(0);
        stdout.print(ComparisonTable.render(comparison, entities, rows, names.get(0), reference.replications(),
                reference.masterSeed(), reference.scenario().moneyUnit(), layout));
        stdout.flush();
        output.printWhere(layout.data() ? stderr : stdout, folder);
        return CommandLine.ExitCode.OK;
    }

    /** Common random numbers: every variant runs the reference's replications and seed. */
    private void runPaired(List<Experiment> experiments, PrintWriter stderr, List<ExperimentResult> results,
                           List<Summaries> summaries) throws InterruptedException, IOException {
        Experiment reference = experiments.get(0);
        ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "runs");
        int total = experiments.size() * reference.replications();
        for (int v = 0; v < experiments.size(); v++) {
            Experiment e = experiments.get(v);
            Experiment paired = new Experiment(e.scenario(), e.overrides(), reference.replications(),
                    reference.masterSeed(), reference.threads());
            int offset = v * reference.replications();
            Summaries.Collector collector = new Summaries.Collector(paired.scenario().config()).withSeries();
            results.add(ExperimentRunner.run(paired, (done, n) -> progress.finished(offset + done, total), collector));
            summaries.add(collector.summaries());
        }
        progress.close();
    }

    private static String unique(List<String> names, String name) {
        String candidate = name;
        for (int k = 2; names.contains(candidate); k++) {
            candidate = name + " #" + k;
        }
        return candidate;
    }

    /** A folder-safe form of a scenario name. */
    private static final class ResultsFolderName {
        static String of(String name) {
            return name.replaceAll("[^A-Za-z0-9._-]+", "_");
        }
    }
}
