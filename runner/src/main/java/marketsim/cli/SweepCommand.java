package marketsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import marketsim.core.metrics.Entity;
import marketsim.core.metrics.EntityType;
import marketsim.core.metrics.Metric;
import marketsim.results.Estimate;
import marketsim.results.ResultsFolder;
import marketsim.results.Sweep;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code marketsim sweep SCENARIO --vary path=from:to:step ...}: a grid design of experiments. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a design of experiments: every combination of the --vary values (a grid), each for the "
                + "same replications on the same seeds. Writes runs.csv (every run) and points.csv (means and 95%% "
                + "intervals per point), response curves (one parameter) or heat maps (two), and report.html.",
                "Example: marketsim sweep platform-squeeze --vary platform.take_rate=0.05:0.60:0.05 --reps 10"})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Built-in scenario name or scenario file.")
    String scenario;

    @Option(names = "--vary", required = true, paramLabel = "PATH=FROM:TO:STEP|V1,V2,...",
            description = "A parameter to vary: a numeric range (inclusive) or a list of values (repeatable).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--design", paramLabel = "DESIGN", defaultValue = "grid",
            description = "Design of experiments: grid (full factorial). Default: ${DEFAULT-VALUE}.")
    String design;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    RunOptions runOptions;

    @Mixin
    OutputOptions output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!design.equals("grid")) {
            throw new BadInputException("--design " + design + ": only grid is available (Latin hypercube and Sobol "
                    + "designs are planned)");
        }
        output.checkFree();
        List<Sweep.Factor> factors = new ArrayList<>();
        for (String v : vary) {
            try {
                factors.add(Sweep.factor(v));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--vary " + v + ": " + e.getMessage());
            }
        }
        List<List<String>> grid = Sweep.grid(factors);
        if (grid.size() > 10_000) {
            throw new BadInputException("--vary: the grid has " + grid.size() + " points; at most 10000");
        }
        var base = RunCommand.experiment(scenario, scenarioOptions.overrides, runOptions);
        List<Sweep.Point> points = new ArrayList<>();
        for (int p = 0; p < grid.size(); p++) {
            List<String> overrides = new ArrayList<>(base.overrides());
            for (int f = 0; f < factors.size(); f++) {
                overrides.add(factors.get(f).path() + "=" + grid.get(p).get(f));
            }
            Scenario s = ScenarioLoader.load(scenario, overrides); // every point is validated before anything runs
            points.add(new Sweep.Point(p, grid.get(p), s));
        }
        ProgressBar progress = ProgressBar.create(spec.commandLine().getErr(), runOptions.quiet, "runs");
        Sweep.Result result = Sweep.run(factors, points, base.replications(), base.masterSeed(), base.threads(), progress);
        progress.close();
        Path folder = output.folder("sweep-" + base.scenario().name());
        try {
            ResultsFolder.writeSweep(folder, result, base.scenario().name(), base.overrides(), output.figures());
        } catch (IOException e) {
            throw output.cannotWrite(folder, e);
        }
        stdout.print(table(result));
        output.printWhere(stdout, folder);
        return 0;
    }

    /** Per point: unit share and net margin by archetype, and the platform's fee revenue. */
    private static String table(Sweep.Result r) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d points x %d replications (common random numbers, master seed %d); last-window means:%n%n",
                r.points().size(), r.replications(), r.masterSeed()));
        List<Entity> entities = r.entities().get(0);
        List<String> headers = new ArrayList<>(List.of("point"));
        List<int[]> columns = new ArrayList<>();
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            if (entity.type() == EntityType.ARCHETYPE) {
                headers.add(entity.name() + " units %");
                columns.add(new int[] {e, Metric.UNIT_SHARE.ordinal(), 100});
                headers.add(entity.name() + " net m. %");
                columns.add(new int[] {e, Metric.NET_MARGIN.ordinal(), 100});
            } else if (entity.type() == EntityType.PLATFORM) {
                headers.add("platform fees");
                columns.add(new int[] {e, Metric.PLATFORM_FEE_REVENUE.ordinal(), 1});
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(headers.toArray(String[]::new));
        for (int p = 0; p < r.points().size(); p++) {
            String[] row = new String[headers.size()];
            row[0] = Sweep.label(r.factors(), r.points().get(p));
            for (int c = 0; c < columns.size(); c++) {
                int[] col = columns.get(c);
                double[] xs = new double[r.replications()];
                for (int rep = 0; rep < xs.length; rep++) {
                    xs[rep] = col[0] < r.values()[p][rep].length ? r.values()[p][rep][col[0]][col[1]] : Double.NaN;
                }
                Estimate est = Estimate.of(xs);
                row[c + 1] = Double.isNaN(est.mean()) ? "n/a"
                        : String.format(Locale.ROOT, col[2] == 1 ? "%.0f" : "%.1f", est.mean() * col[2]);
            }
            rows.add(row);
        }
        int[] widths = new int[headers.size()];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                out.append(c == 0 ? String.format("%-" + widths[c] + "s", row[c])
                        : String.format("  %" + widths[c] + "s", row[c]));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
