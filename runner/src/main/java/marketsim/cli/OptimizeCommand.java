package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import marketsim.format.OsReason;
import marketsim.format.StagedFolder;
import marketsim.results.experiment.Experiment;
import marketsim.results.experiment.Outcome;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.journal.Journal;
import marketsim.results.journal.JournalDamagedException;
import marketsim.results.journal.JournalInUseException;
import marketsim.results.journal.JournalWriteException;
import marketsim.results.optimization.Audit;
import marketsim.results.optimization.Constraint;
import marketsim.results.optimization.Optimization;
import marketsim.results.optimization.OptimizationException;
import marketsim.results.optimization.OptimizationFolder;
import marketsim.results.optimization.OptimizationSetup;
import marketsim.results.optimization.Robustness;
import marketsim.results.search.EvaluationJournal;
import marketsim.results.table.AuditTable;
import marketsim.results.table.OptimizationTable;
import marketsim.scenario.input.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marketsim optimize SCENARIO --lever PATH=LO:HI ... --objective ENTITY.METRIC}: searches the levers for the
 * values that do best on the objective (a grid for one lever, CMA-ES for several), every candidate on the same
 * seeds, within the constraints, and robustly across sampled scenarios of uncertain parameters. Every finished
 * evaluation goes to a journal beside the results folder, so an optimization that is killed resumes where it stopped.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Search levers (scenario values, each within a range) for the values that maximize (or "
                + "minimize) an outcome: a grid for one lever, CMA-ES for several; every candidate runs the same "
                + "replications on the same seeds. Optionally within constraints, and robust to uncertain parameters "
                + "(each candidate scored across the same sampled scenarios of them).",
                "Writes the best levers as a scenario (scenario.yaml), the objective at the start and at the best "
                        + "levers with paired 95%% intervals (objective.csv), the regret per uncertainty scenario "
                        + "(regret.csv), every candidate (evaluations.csv) and a chart of the objective against each "
                        + "lever. An optimization that is interrupted resumes when the same command is run again.",
                "Example: marketsim optimize classroom --lever 'firms[bulk-c].markup=0.1:1.2' "
                        + "--objective bulk-c.net_profit --reps 4"})
final class OptimizeCommand extends StudyCommand {
    /** Default CMA-ES budget, as calibration's: 2-3 levers converge in a few dozen generations. */
    static final int DEFAULT_MAX_EVALUATIONS = 200;
    /** Default grid for one lever: steps of 5% of its range. */
    static final int DEFAULT_GRID = 21;
    /** Default uncertainty scenarios: enough that the 10th percentile is not the single worst draw. */
    static final int DEFAULT_SCENARIOS = 10;
    /** Most uncertainty scenarios: each multiplies every candidate's runs. */
    static final int MAX_SCENARIOS = 1000;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @Option(names = "--lever", required = true, paramLabel = "PATH=LO:HI",
            description = "A value to search within [LO, HI], by its --set path, e.g. 'firms[bulk-c].markup=0.1:1.2' "
                    + "(repeatable).")
    List<String> levers = new ArrayList<>();

    @Option(names = "--objective", required = true, paramLabel = "ENTITY.METRIC",
            description = "The outcome to maximize, over the summary window as in summary.csv, e.g. bulk-c.net_profit "
                    + "or platform.platform_fee_revenue.")
    String objective;

    @Option(names = "--minimize", description = "Minimize the objective instead.")
    boolean minimize;

    @Option(names = "--constraint", paramLabel = "'ENTITY.METRIC >= X'",
            description = "A bound to keep (>= or <=), on the mean across replications in every uncertainty "
                    + "scenario, e.g. 'platform.net_profit >= 0' (repeatable). Feasible candidates rank first.")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--uncertain", paramLabel = "PATH=LO:HI",
            description = "A value we do not know, within [LO, HI] (repeatable): every candidate is scored across the "
                    + "same --scenarios draws of them (a Latin hypercube from the master seed).")
    List<String> uncertain = new ArrayList<>();

    @Option(names = "--scenarios", paramLabel = "M", description = "Uncertainty scenarios (default: "
            + DEFAULT_SCENARIOS + ").")
    Integer scenarios;

    @Option(names = "--robustness", paramLabel = "mean|p10|regret",
            description = "How a candidate's objective across the uncertainty scenarios is ranked: its mean, its 10th "
                    + "percentile, or its largest regret against each scenario's best candidate (default: mean).")
    String robustness;

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_EVALUATIONS,
            description = "Candidates CMA-ES evaluates at most, the start included (default: ${DEFAULT-VALUE}).")
    int maxEvaluations;

    @Option(names = "--grid", paramLabel = "K", defaultValue = "" + DEFAULT_GRID,
            description = "Values of a single lever, evenly spaced from LO to HI (default: ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--audit", description = "Then audit the best levers: would each rival best-respond in price "
            + "(see marketsim audit)?")
    boolean audit;

    @Option(names = "--tolerance", paramLabel = "SHARE", description = "The audit's tolerance, a share of each price "
            + "(default: 0.02).")
    Double tolerance;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        output.checkFree();
        Experiment base = RunCommand.experiment(scenario, scenarioOptions.overrides, runOptions);
        OptimizationSetup.Question question = question(base.scenario().name());
        if (tolerance != null && !audit) {
            throw new BadInputException("--tolerance " + tolerance + ": is the audit's; give --audit too");
        }
        double auditTolerance = AuditCommand.tolerance(tolerance, "--tolerance");
        OptimizationSetup setup = OptimizationSetup.prepare(scenario, base.overrides(), question, base.replications(),
                base.masterSeed(), base.threads());
        Path parent = output.out != null ? output.out.toAbsolutePath().getParent() : OutputOptions.DEFAULT_PARENT;
        Path journalFile = Journal.file(parent, "optimize", setup.base().name(), setup.fingerprint());
        EvaluationJournal journal;
        try {
            journal = EvaluationJournal.open(journalFile, "optimize", setup.fingerprint(), setup.levers().size(),
                    1 + question.constraints().size(), setup.runs());
        } catch (JournalInUseException | JournalDamagedException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(journalFile + ": cannot keep the optimization's journal: "
                    + OsReason.of(e).describe(journalFile));
        }
        Optimization.Result result;
        Audit.Result audited = null;
        Path folder;
        ResultsFolder.Destination destination = output.destination("optimize-" + setup.base().name());
        int budget = setup.grid() ? 1 + Optimization.gridSize(setup) : question.maxEvaluations();
        // Staged before the search: a folder that cannot be written is found now, not after every evaluation.
        try (journal; StagedFolder staged = output.stage(destination)) {
            if (!journal.evaluations().isEmpty()) {
                stderr.printf("Resuming: %d of at most %d evaluations already done (journal %s)%n",
                        journal.evaluations().size(), budget, journalFile);
                stderr.flush();
            }
            try (ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "evaluations")) {
                result = Optimization.run(setup, journal, Optimization.Simulator.MODEL,
                        (evaluation, replayed) -> progress.finished(evaluation.index(), budget));
            } catch (JournalWriteException e) {
                throw new BadInputException(journalFile + ": cannot keep the optimization's journal: "
                        + OsReason.of(e).describe(journalFile) + " (the evaluations it holds are kept: free some "
                        + "space and run the same command again to resume)");
            }
            if (audit) {
                try (ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "audit runs")) {
                    audited = Audit.run(setup.document(), setup.leverOverrides(result.best().values()),
                            setup.replications(), setup.masterSeed(), setup.threads(), auditTolerance,
                            Optimization.Simulator.MODEL, progress);
                }
            }
            try {
                folder = OptimizationFolder.write(staged, destination, result, audited, output.figures());
            } catch (IOException e) {
                throw output.cannotWrite(destination.where(), e);
            }
            journal.delete(); // the folder now holds every evaluation
        }
        stdout.print(OptimizationTable.render(result));
        if (audited != null) {
            stdout.println();
            stdout.print(AuditTable.render(audited));
        }
        stdout.print(OptimizationTable.next(result, folder));
        output.printWhere(stdout, folder);
        return CommandLine.ExitCode.OK;
    }

    /** The flags read into a question; every problem with them reported at once. */
    private OptimizationSetup.Question question(String name) throws OptimizationException {
        List<Problem> problems = new ArrayList<>();
        List<OptimizationSetup.Range> leverRanges = ranges("--lever", levers, problems);
        List<OptimizationSetup.Range> uncertainRanges = ranges("--uncertain", uncertain, problems);
        Outcome outcome = null;
        try {
            outcome = Outcome.parse(objective);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("--objective", e.getMessage()));
        }
        List<Constraint> bounds = new ArrayList<>();
        for (String c : constraints) {
            try {
                bounds.add(Constraint.parse(c));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("--constraint", e.getMessage()));
            }
        }
        Robustness r = Robustness.MEAN;
        if (robustness != null) {
            try {
                r = Robustness.of(robustness);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("--robustness", e.getMessage()));
            }
        }
        if (uncertain.isEmpty() && (robustness != null || scenarios != null)) {
            problems.add(new Problem(robustness != null ? "--robustness" : "--scenarios", "needs --uncertain: without "
                    + "uncertain parameters there is one scenario, the one given"));
        }
        int m = scenarios == null ? DEFAULT_SCENARIOS : scenarios;
        if (m < 1 || m > MAX_SCENARIOS) {
            problems.add(new Problem("--scenarios", m + ": must be from 1 to " + MAX_SCENARIOS));
        }
        if (maxEvaluations < 2) {
            problems.add(new Problem("--max-evaluations", maxEvaluations + ": must be at least 2 (the start and one "
                    + "candidate)"));
        }
        if (grid < 2 || grid > 10_000) {
            problems.add(new Problem("--grid", grid + ": must be from 2 to 10000"));
        }
        if (!problems.isEmpty()) {
            throw new OptimizationException("optimization", name, problems);
        }
        return new OptimizationSetup.Question(leverRanges, outcome, minimize, bounds, uncertainRanges, m, r,
                maxEvaluations, grid);
    }

    private static List<OptimizationSetup.Range> ranges(String flag, List<String> texts, List<Problem> problems) {
        List<OptimizationSetup.Range> out = new ArrayList<>();
        for (String text : texts) {
            try {
                out.add(OptimizationSetup.Range.parse(flag, text));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("", e.getMessage()));
            }
        }
        return out;
    }
}
