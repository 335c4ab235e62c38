package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import marketsim.format.OsReason;
import marketsim.format.StagedFolder;
import marketsim.results.study.ExperimentFile;
import marketsim.results.calibration.Calibration;
import marketsim.results.calibration.CalibrationFolder;
import marketsim.results.calibration.CalibrationJournal;
import marketsim.results.journal.JournalDamagedException;
import marketsim.results.journal.JournalInUseException;
import marketsim.results.journal.JournalWriteException;
import marketsim.results.calibration.CalibrationSetup;
import marketsim.results.table.CalibrationTable;
import marketsim.results.experiment.Experiment;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.calibration.TargetsException;
import marketsim.results.calibration.TargetsReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marketsim calibrate SCENARIO --targets FILE}: fits the targets file's parameters to its
 * target moments (method of simulated moments, CMA-ES, common random numbers). Every finished
 * evaluation goes to a journal beside the results folder, so a calibration that is killed resumes
 * where it stopped when the same command is run again.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit scenario parameters, each within its range, to target outcomes (stylized facts) by the "
                + "method of simulated moments: CMA-ES searches the ranges, every candidate runs the same "
                + "replications on the same seeds. Writes the fitted scenario (scenario.yaml), fit.csv, "
                + "parameters.csv, evaluations.csv and a convergence chart.",
                "A calibration that is interrupted resumes where it stopped when the same command is run again.",
                "Example: marketsim calibrate platform-squeeze --targets examples/calibrate-platform-squeeze.yaml "
                        + "--reps 4 --set population.size=2000"})
final class CalibrateCommand extends StudyCommand {
    /** The experiment file's description, passed on by {@code marketsim experiment}: the report's question. */
    @Option(names = "--description", paramLabel = "TEXT", hidden = true)
    String description;

    /** Default budget: 2-3 parameters converge in a few dozen generations of 6-7 candidates. */
    static final int DEFAULT_MAX_EVALUATIONS = 200;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @Option(names = "--targets", required = true, paramLabel = "FILE",
            description = "YAML file: the parameters to fit (path, min, max) and the outcomes to match (outcome, "
                    + "value or range, weight, scale); see docs/CALIBRATION.md.")
    Path targets;

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_EVALUATIONS,
            description = "Candidates to evaluate at most, each for --reps replications (default: ${DEFAULT-VALUE}).")
    int maxEvaluations;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        if (maxEvaluations < 1) {
            throw new BadInputException("--max-evaluations " + maxEvaluations + ": must be at least 1");
        }
        output.checkFree();
        Experiment base = RunCommand.experiment(scenario, scenarioOptions.overrides, runOptions);
        CalibrationSetup setup;
        // A bad targets file is an InputException, which Main reports with exit code 2.
        var targetsRead = TargetsReader.read(targets);
        setup = CalibrationSetup.prepare(scenario, base.overrides(), targetsRead,
                base.replications(), base.masterSeed(), maxEvaluations, base.threads());
        ExperimentRecord record = new ExperimentRecord();
        ExperimentFile experiment = new ExperimentFile("calibrate", record.scenario(scenario, scenarioOptions.overrides),
                List.of(), List.of(), scenarioOptions.overrides, base.replications(), base.masterSeed(),
                runOptions.ticks, List.of(), null, null, List.of(), null, null, record.targets(targetsRead),
                maxEvaluations).with(description, null, null);
        Path parent = output.out != null ? output.out.toAbsolutePath().getParent() : OutputOptions.DEFAULT_PARENT;
        Path journalFile = CalibrationJournal.file(parent, setup);
        CalibrationJournal journal;
        try {
            journal = CalibrationJournal.open(journalFile, setup);
        } catch (JournalInUseException | JournalDamagedException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(journalFile + ": cannot keep the calibration's journal: "
                    + OsReason.of(e).describe(journalFile));
        }
        Calibration.Result result;
        Path folder;
        ResultsFolder.Destination destination = output.destination("calibrate-" + setup.base().name());
        // Staged before the search: a folder that cannot be written is found now, not after every evaluation.
        try (journal; StagedFolder staged = output.stage(destination)) {
            if (!journal.evaluations().isEmpty()) {
                stderr.printf("Resuming: %d of at most %d evaluations already done (journal %s)%n",
                        journal.evaluations().size(), maxEvaluations, journalFile);
                stderr.flush();
            }
            ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "evaluations");
            try {
                result = Calibration.run(setup, journal, Calibration.Simulator.MODEL,
                        (evaluation, replayed) -> progress.finished(evaluation.index(), maxEvaluations));
            } catch (TargetsException e) {
                journal.delete(); // the targets file must change, and with it the journal's name
                throw e;
            } catch (JournalWriteException e) {
                throw new BadInputException(journalFile + ": cannot keep the calibration's journal: "
                        + OsReason.of(e).describe(journalFile) + " (the evaluations it holds are kept: free some "
                        + "space and run the same command again to resume)");
            } finally {
                progress.close();
            }
            try {
                folder = CalibrationFolder.write(staged, destination, result, record.then(experiment, output.figures()));
            } catch (IOException e) {
                throw output.cannotWrite(destination.where(), e);
            }
            journal.delete(); // the folder now holds every evaluation
        }
        stdout.print(CalibrationTable.render(result));
        output.printWhere(stdout, folder);
        return CommandLine.ExitCode.OK;
    }
}
