package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import marketsim.core.random.Streams;
import marketsim.format.ResultFiles;
import marketsim.results.experiment.Experiment;
import marketsim.results.study.ExperimentFile;
import marketsim.results.experiment.ExperimentResult;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.experiment.TimeSeries;
import marketsim.results.table.Layout;
import marketsim.results.table.Selection;
import marketsim.results.table.SummaryTable;
import marketsim.scenario.Params;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code marketsim run SCENARIO}: replications, a summary table, a results folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run replications of a scenario, print a summary by archetype (mean and 95%% CI) "
                + "and write a results folder.",
                "One firm's numbers: --entity NAME (every metric); one metric of every firm: --metric KEY.",
                "SCENARIO is a built-in name (see 'marketsim scenarios list') or a YAML/JSON file."})
final class RunCommand extends StudyCommand {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @CommandLine.Mixin
    ExperimentOptions experimentOptions;

    @CommandLine.Option(names = "--profile", description = "Also print where the run's time went, by phase, the "
            + "purchase decisions per second and the bytes of state per consumer.")
    boolean profile;

    @CommandLine.Option(names = "--timeseries", paramLabel = "DETAIL", defaultValue = "firms",
            description = "Rows of timeseries.csv: firms (every entity: firms, archetypes, platform, store, market), "
                    + "archetypes (no firm rows: a smaller file for big markets) or none (no timeseries.csv). The "
                    + "other files and the charts are the same whatever it is. Default: ${DEFAULT-VALUE}.")
    String timeseries;

    @CommandLine.Option(names = "--timeseries-every", paramLabel = "K", defaultValue = "1",
            description = "Rows of timeseries.csv every K ticks (ticks K, 2K, ... and the last). Default: "
                    + "${DEFAULT-VALUE} (every tick).")
    int timeseriesEvery;

    @CommandLine.Mixin
    SelectionOptions selection;

    @CommandLine.Mixin
    TableOptions table;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        TimeSeries detail = timeSeries();
        Experiment experiment = experiment(scenario, scenarioOptions.overrides, runOptions);
        Layout layout = table.layout();
        Selection rows = selection.asked() ? selection.select(experiment.scenario()) : null;
        output.checkFree();
        Profile.Tally tally = new Profile.Tally();
        ResultsFolder.Destination destination = output.destination(experiment.scenario().name());
        ExperimentRecord record = new ExperimentRecord();
        ExperimentFile file = new ExperimentFile("run", record.scenario(scenario, scenarioOptions.overrides), List.of(),
                List.of(), scenarioOptions.overrides, experiment.replications(), experiment.masterSeed(),
                runOptions.ticks, List.of(), null, null, List.of(), null, null, null, null)
                .with(experimentOptions.description, experimentOptions.burnIn(),
                        detail.every() == 1 ? null : detail.every())
                .withTimeseries(detail.detail() == TimeSeries.Detail.FIRMS ? null : detail.detail().key());
        ResultsFolder.Written written;
        try (ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "replications")) {
            // The files are written as the replications finish, in replication order; the folder is
            // moved into place (named by the finish time without --out) once everything is in it.
            written = ResultsFolder.run(destination, experiment, detail, progress, tally,
                    record.then(file, output.figures()));
        } catch (IOException e) {
            throw output.cannotWrite(destination.where(), e);
        }
        Path folder = written.folder();
        ExperimentResult result = written.result();
        long runNanos = Duration.between(result.started(), result.finished()).toNanos();
        long writeNanos = Duration.between(result.finished(), Instant.now()).toNanos();
        stdout.print(rows == null ? SummaryTable.render(result, written.summaries(), layout)
                : SummaryTable.render(result, written.summaries(), rows, layout));
        if (!layout.data()) {
            stdout.print(stoppedEarly(folder.resolve(ResultFiles.STOPS)));
        }
        if (profile) {
            stdout.print(Profile.render(result, tally, runNanos, writeNanos));
            stdout.print(Profile.writing(written.timings()));
        }
        stdout.flush();
        // as CSV, standard output holds the table alone
        output.printWhere(layout.data() ? stderr : stdout, folder);
        return CommandLine.ExitCode.OK;
    }

    /**
     * A line saying how many replications a stop condition ended before the horizon, after how many ticks, and by
     * which conditions (from the folder's stops.csv); empty without stop conditions or when every run went the
     * whole horizon (stops.csv then says "horizon" for each). The folder is complete by now: a stops.csv that cannot
     * be read (removed meanwhile) leaves the line out.
     */
    static String stoppedEarly(Path stops) {
        if (!Files.exists(stops)) {
            return "";
        }
        int runs = 0;
        int stopped = 0;
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        Map<String, Integer> by = new LinkedHashMap<>();
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(stops, StandardCharsets.UTF_8))) {
            for (CSVRecord r : csv) {
                runs++;
                if (!r.get("stopped_by").equals("horizon")) {
                    stopped++;
                    int ticks = Integer.parseInt(r.get("ticks"));
                    fewest = Math.min(fewest, ticks);
                    most = Math.max(most, ticks);
                    by.merge(r.get("stopped_by"), 1, Integer::sum);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return "";
        }
        if (stopped == 0) {
            return String.format(Locale.ROOT, "No replication met a stop condition: all %d ran to the horizon.%n",
                    runs);
        }
        StringBuilder conditions = new StringBuilder();
        by.forEach((condition, n) -> conditions.append(conditions.length() == 0 ? "" : "; ").append(condition)
                .append(" (").append(n).append(')'));
        return String.format(Locale.ROOT, "Stopped early: %d of %d replications, after %s ticks, by %s; stops.csv "
                + "lists each.%n", stopped, runs, fewest == most ? Integer.toString(fewest) : fewest + "-" + most,
                conditions);
    }

    /** --timeseries and --timeseries-every, checked. */
    private TimeSeries timeSeries() throws BadInputException {
        TimeSeries.Detail d;
        try {
            d = TimeSeries.Detail.parse(timeseries);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--timeseries " + e.getMessage());
        }
        if (timeseriesEvery < 1 || timeseriesEvery > Params.HORIZON.max()) {
            throw new BadInputException("--timeseries-every " + timeseriesEvery + ": must be from 1 to "
                    + (long) Params.HORIZON.max() + " ticks");
        }
        if (d == TimeSeries.Detail.NONE && timeseriesEvery != 1) {
            throw new BadInputException("--timeseries-every " + timeseriesEvery + ": there are no rows to thin with "
                    + "--timeseries none; drop one of the two");
        }
        return new TimeSeries(d, timeseriesEvery);
    }

    /** Loads the scenario with overrides and turns the run options into an experiment. */
    static Experiment experiment(String name, List<String> overrides, RunOptions options) throws Exception {
        List<String> all = new ArrayList<>(overrides);
        if (options.ticks != null) {
            if (options.ticks < 1 || options.ticks > Params.HORIZON.max()) {
                throw new BadInputException("--ticks " + options.ticks + ": must be from 1 to " + (long) Params.HORIZON.max());
            }
            all.add("horizon=" + options.ticks);
        }
        if (options.reps != null) {
            if (options.reps < 1 || options.reps > Params.REPLICATIONS.max()) {
                throw new BadInputException("--reps " + options.reps + ": must be from 1 to " + (long) Params.REPLICATIONS.max());
            }
            all.add("replications=" + options.reps); // so the stored scenario says what ran
        }
        if (options.seed != null) {
            if (options.seed < 0 || options.seed > Streams.MAX_SEED) {
                throw new BadInputException("--seed " + options.seed + ": must be from 0 to " + Streams.MAX_SEED
                        + " (at most 15 digits, so R, JavaScript and spreadsheets read every seed exactly)");
            }
            all.add("seed=" + options.seed);
        }
        int threads = RunOptions.threads(options.threads);
        Scenario scenario = ScenarioLoader.load(name, all);
        int reps = scenario.replications();
        long seed = scenario.seed();
        return new Experiment(scenario, all, reps, seed, threads);
    }
}
