package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import marketsim.format.OsReason;
import marketsim.results.study.ExperimentFile;
import marketsim.scenario.Params;
import marketsim.results.experiment.ResultsFolder;
import marketsim.results.sweep.Condition;
import marketsim.results.sweep.Design;
import marketsim.results.sweep.Factor;
import marketsim.results.experiment.Outcome;
import marketsim.results.sweep.Sweep;
import marketsim.results.sweep.SweepAnalysis;
import marketsim.results.table.Layout;
import marketsim.results.table.SweepTables;
import marketsim.results.sweep.ShardFolder;
import marketsim.results.sweep.SweepFolder;
import marketsim.results.sweep.SweepJournal;
import marketsim.results.sweep.SweepPlan;
import marketsim.results.sweep.SweepProfile;
import marketsim.results.journal.JournalDamagedException;
import marketsim.results.journal.JournalInUseException;
import marketsim.results.journal.JournalWriteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marketsim sweep SCENARIO --vary ... [--design grid|lhs|sobol|morris]}: a design of experiments. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a design of experiments over the --vary parameters, every point for the same "
                + "replications on the same seeds. Writes runs.csv (every run), points.csv (means and 95%% "
                + "intervals per point), the design's analysis (sobol.csv: first-order and total Sobol indices; "
                + "morris.csv: elementary effects; discovery.csv with --discover: the PRIM box where a condition "
                + "holds), charts and report.html.",
                "A killed sweep resumes where it stopped when re-run with the same command. --shard i/n runs one "
                + "slice of the run list (one task of a cluster job array); 'marketsim merge' joins the slices.",
                "Examples:",
                "  marketsim sweep platform-squeeze --vary platform.take_rate=0.05:0.60:0.05 --reps 10",
                "  marketsim sweep platform-squeeze --design sobol --samples 64 --vary platform.take_rate=0.05:0.5 "
                        + "--vary platform.ranking.sponsored_slots=0:4"})
final class SweepCommand extends StudyCommand {
    /** Default sample counts: LHS points, Sobol base samples (a power of two), Morris trajectories. */
    static final int DEFAULT_LHS_POINTS = 100;
    static final int DEFAULT_SOBOL_SAMPLES = 64;
    static final int DEFAULT_MORRIS_TRAJECTORIES = 10;
    static final int DEFAULT_MORRIS_LEVELS = 4;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @picocli.CommandLine.Mixin
    ExperimentOptions experimentOptions;

    @Option(names = "--timeseries-every", paramLabel = "K", defaultValue = "1",
            description = "Rows of points-timeseries.csv every K ticks (ticks K, 2K, ... and each point's last): its "
                    + "size is points x outcomes x ticks / K rows. The other files are the same whatever it is. "
                    + "Default: ${DEFAULT-VALUE} (every tick).")
    int timeseriesEvery;

    @Option(names = "--vary", required = true, paramLabel = "PATH=SPEC",
            description = {"A parameter to vary (repeatable): from:to:step (inclusive levels) or a,b,c (levels, "
                    + "numbers or names) for any design; from:to (a continuous range) for lhs, sobol and morris.",
                    "A whole-number parameter is sampled as whole numbers."})
    List<String> vary = new ArrayList<>();

    @Option(names = "--design", paramLabel = "DESIGN", defaultValue = "grid",
            description = "grid (every combination), lhs (Latin hypercube), sobol (Saltelli's scheme: Sobol "
                    + "indices) or morris (elementary effects screening). Default: ${DEFAULT-VALUE}.")
    String design;

    @Option(names = "--samples", paramLabel = "M",
            description = "lhs: points (default " + DEFAULT_LHS_POINTS + "); sobol: base samples, M x (k+2) points "
                    + "(default " + DEFAULT_SOBOL_SAMPLES + ", a power of two is best); morris: trajectories, "
                    + "M x (k+1) points (default " + DEFAULT_MORRIS_TRAJECTORIES + ").")
    Integer samples;

    @Option(names = "--levels", paramLabel = "P",
            description = "morris: grid levels per parameter, even (default " + DEFAULT_MORRIS_LEVELS + ").")
    Integer levels;

    @Option(names = "--outcome", paramLabel = "ENTITY.METRIC",
            description = "An outcome to analyse (repeatable), e.g. customer-focused.net_margin or "
                    + "platform.platform_fee_revenue. Default: each archetype's unit_share and net_margin and the "
                    + "platform's fee revenue.")
    List<String> outcomes = new ArrayList<>();

    @Option(names = "--discover", paramLabel = "CONDITION",
            description = "Scenario discovery (PRIM): the box of parameter values where CONDITION mostly holds, "
                    + "e.g. 'customer-focused.net_margin > product-focused.net_margin' (< <= > >=, joined by and).")
    String discover;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only slice I of N of the run list and write a shard folder; join the slices with "
                    + "'marketsim merge'.")
    String shard;

    @Option(names = "--profile", description = "Also print where the sweep's time went outside the engine: the "
            + "design points' scenarios, each run's model setup (population, network) and summaries, the writing.")
    boolean profile;

    @CommandLine.Mixin
    TableOptions table;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        output.checkFree();
        Design d = parse("--design", () -> Design.parse(design));
        Sweep.Shard slice = shard == null ? Sweep.Shard.WHOLE : parse("--shard", () -> Sweep.Shard.parse(shard));
        List<Factor> factors = new ArrayList<>();
        for (String v : vary) {
            factors.add(parse("--vary " + v, () -> Factor.parse(v)));
        }
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (Factor f : factors) {
            if (!paths.add(f.path())) {
                throw new BadInputException("--vary " + f.path() + ": given twice; vary each parameter once");
            }
            for (String o : scenarioOptions.overrides) {
                if (o.contains("=") && o.substring(0, o.indexOf('=')).strip().equals(f.path())) {
                    throw new BadInputException("--set " + o + ": " + f.path() + " is also varied (--vary); drop one");
                }
            }
        }
        if (levels != null && d != Design.MORRIS) {
            throw new BadInputException("--levels: only the morris design has levels; the " + d.key() + " design "
                    + "takes its values from --vary");
        }
        int m = samples(d);
        int p = levels != null ? levels : DEFAULT_MORRIS_LEVELS;
        if (d == Design.MORRIS && (p < 2 || p % 2 != 0)) {
            throw new BadInputException("--levels " + p + ": must be even and at least 2");
        }
        for (String o : outcomes) {
            parse("--outcome", () -> Outcome.parse(o));
        }
        if (discover != null) {
            parse("--discover", () -> Condition.parse(discover));
        }
        var base = RunCommand.experiment(scenario, scenarioOptions.overrides, runOptions);
        Layout layout = table.layout();
        PrintWriter info = layout.data() ? stderr : stdout; // as CSV, standard output holds the points alone
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long resolving = cpu.getCurrentThreadCpuTime();
        SweepPlan.Prepared prepared = parse("marketsim sweep", () -> SweepPlan.create(scenario, base.overrides(), factors, d, m,
                d == Design.MORRIS ? p : 0, base.replications(), base.masterSeed(), outcomes, discover));
        if (timeseriesEvery < 1 || timeseriesEvery > Params.HORIZON.max()) {
            throw new BadInputException("--timeseries-every " + timeseriesEvery + ": must be from 1 to "
                    + (long) Params.HORIZON.max() + " ticks");
        }
        prepared = new SweepPlan.Prepared(prepared.plan().withTimeseriesEvery(timeseriesEvery), prepared.configs());
        SweepPlan plan = prepared.plan();
        long resolved = cpu.getCurrentThreadCpuTime() - resolving;
        SweepProfile timing = new SweepProfile();
        Sweep.Model model = profile ? timing.model(prepared) : Sweep.model(prepared);
        Path folder = output.folder((slice.whole() ? "sweep-" : "shard-" + slice.index() + "-of-" + slice.count() + "-")
                + plan.scenario());
        Path journalFile = SweepJournal.fileFor(folder.toAbsolutePath().getParent(), plan, slice);
        SweepJournal journal = openJournal(journalFile, plan, slice);
        int runs = slice.size(plan.runs());
        info.print(layout.wrap(SweepTables.header(plan, slice, journal.size())));
        info.flush();
        if (journal.size() > 0) {
            stderr.printf("Resuming: %d of %d runs already done (journal %s)%n", journal.size(), runs, journalFile);
            stderr.flush();
        }
        ExperimentRecord record = new ExperimentRecord();
        ExperimentFile experiment = new ExperimentFile(d.key(), record.scenario(scenario, scenarioOptions.overrides),
                List.of(), List.of(), scenarioOptions.overrides, base.replications(), base.masterSeed(), runOptions.ticks,
                vary, d.sampled() ? m : null, d == Design.MORRIS ? p : null, plan.outcomes(), discover,
                slice.whole() ? null : slice.count(), null, null)
                .with(experimentOptions.description, experimentOptions.burnIn(),
                        timeseriesEvery == 1 ? null : timeseriesEvery);
        SweepFolder.Written written = null;
        try (ProgressBar progress = ProgressBar.create(stderr, runOptions.quiet, "runs")) {
            // runs.csv and points.csv (a shard's shard-runs.txt) are written as the runs finish.
            if (slice.whole()) {
                written = SweepFolder.run(folder, plan, model, base.threads(), journal, progress,
                        record.then(experiment, output.figures()));
            } else {
                ShardFolder.run(folder, plan, model, slice, base.threads(), journal, progress,
                        record.then(experiment, ResultsFolder.Finisher.NONE));
            }
        } catch (JournalWriteException e) {
            throw new BadInputException(journalFile + ": cannot write the sweep's journal: "
                    + OsReason.of(e).describe(journalFile) + " (the runs it holds are kept: free some space and run "
                    + "the same command again to resume)");
        } catch (IOException e) {
            throw output.cannotWrite(folder, e);
        } catch (SweepAnalysis.Failed e) {
            throw new BadInputException("marketsim sweep: the runs are done (kept in " + journalFile + "), but their "
                    + "analysis failed: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("marketsim sweep: " + e.getMessage());
        } finally {
            journal.close();
        }
        journal.delete();
        String where = profile ? Profile.sweep(timing.totals(), resolved, plan.points().size(), base.threads(),
                written == null ? null : written.result()) : "";
        if (slice.whole()) {
            stdout.print(SweepTables.body(written.result(), written.analyses(), layout, base.scenario().moneyUnit()));
            stdout.flush();
            if (!output.noCharts && !SweepTables.drawsResponseCharts(plan)) {
                info.print(layout.wrap(String.format("%nNo response curves or heat maps: they need one or two numeric "
                        + "parameters on a grid (the results are in runs.csv and points.csv).%n")));
            }
            info.print(where);
            output.printWhere(info, folder);
        } else {
            stdout.print(where);
            stdout.printf("%nShard %s: %d run%s in %s%nJoin the shards with: marketsim merge SHARD_FOLDER... --out DIR%n",
                    slice, runs, runs == 1 ? "" : "s", folder);
        }
        return CommandLine.ExitCode.OK;
    }

    /** The sweep's journal, opened (created) and read: what a killed run of the same sweep finished. */
    private static SweepJournal openJournal(Path file, SweepPlan plan, Sweep.Shard slice) throws BadInputException {
        try {
            return SweepJournal.open(file, plan, slice);
        } catch (JournalInUseException | JournalDamagedException e) {
            throw new BadInputException(e.getMessage());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write the sweep's journal: " + OsReason.of(e).describe(file));
        }
    }

    private int samples(Design d) throws BadInputException {
        if (samples != null && samples < 2) {
            throw new BadInputException("--samples " + samples + ": must be at least 2");
        }
        if (samples != null && d == Design.GRID) {
            throw new BadInputException("--samples: a grid runs every combination of the --vary levels; use it with "
                    + "--design lhs, sobol or morris");
        }
        return switch (d) {
            case GRID -> 0;
            case LHS -> samples != null ? samples : DEFAULT_LHS_POINTS;
            case SOBOL -> samples != null ? samples : DEFAULT_SOBOL_SAMPLES;
            case MORRIS -> samples != null ? samples : DEFAULT_MORRIS_TRAJECTORIES;
        };
    }

    /** Runs a parse step, turning its IllegalArgumentException into exit-2 bad input naming the option. */
    private static <T> T parse(String option, ParseStep<T> step) throws Exception {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface ParseStep<T> {
        T get() throws Exception;
    }
}
