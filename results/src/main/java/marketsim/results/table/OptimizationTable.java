package marketsim.results.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.format.Estimate;
import marketsim.results.optimization.Constraint;
import marketsim.results.optimization.Optimization;
import marketsim.results.optimization.OptimizationSetup;
import marketsim.results.search.Evaluation;
import marketsim.results.search.SearchParameter;

/**
 * The printed outcome of an optimization: the question; each lever's range, start and best value; the objective
 * and each constraint at the start and at the best levers with 95% intervals, and the difference paired run by run;
 * whether the constraints hold; with uncertainty, the worst regret; and what to run next.
 */
public final class OptimizationTable {
    private OptimizationTable() {
    }

    public static String render(Optimization.Result result) {
        OptimizationSetup setup = result.setup();
        var config = setup.base().config();
        StringBuilder out = new StringBuilder(setup.base().name()).append(": ").append(setup.questionText())
                .append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%s and the start, each on the same %d %s x %d ticks (%,d consumers)%s, "
                        + "master seed %d.%n%n", capital(result.method()), setup.replications(),
                setup.replications() == 1 ? "replication" : "replications", config.horizon(),
                config.population().size(), setup.uncertain().isEmpty() ? ""
                        : " in each of " + setup.draws().length + " uncertainty scenarios", setup.masterSeed()));
        Evaluation best = result.best();
        List<String[]> levers = new ArrayList<>();
        levers.add(new String[] {"lever", "range", "start", "best"});
        double[] start = setup.current();
        for (int i = 0; i < setup.levers().size(); i++) {
            SearchParameter p = setup.levers().get(i);
            levers.add(new String[] {p.path(), "[" + CalibrationTable.show(p.min()) + ", "
                    + CalibrationTable.show(p.max()) + "]", Double.isNaN(start[i]) ? "scenario's"
                    : CalibrationTable.show(start[i]), CalibrationTable.show(best.values()[i])});
        }
        CalibrationTable.table(out, levers);
        out.append(System.lineSeparator());
        List<String[]> outcomes = new ArrayList<>();
        outcomes.add(new String[] {"outcome", "start [95% CI]", "best [95% CI]", "best - start [95% paired CI]", ""});
        int count = 1 + setup.question().constraints().size();
        for (int k = 0; k < count; k++) {
            Constraint c = k == 0 ? null : setup.question().constraints().get(k - 1);
            String label = c == null ? setup.question().objective().label() + (setup.question().minimize()
                    ? " (minimized)" : " (maximized)") : c.label();
            String status = "";
            if (c != null) {
                boolean holds = true;
                for (double mean : result.outcomePerScenario(best, k)) {
                    holds &= c.violation(mean) == 0;
                }
                status = holds ? "holds" : "VIOLATED";
            }
            Estimate d = result.paired(k);
            outcomes.add(new String[] {label, interval(result.estimate(result.start(), k)),
                    interval(result.estimate(best, k)), signed(d), status});
        }
        CalibrationTable.table(out, outcomes);
        out.append(System.lineSeparator());
        if (!setup.question().constraints().isEmpty() && !result.feasible()) {
            out.append("No candidate met every constraint: the levers shown are the least violating. Widen the "
                    + "ranges or relax the constraints.").append(System.lineSeparator());
        }
        if (!setup.uncertain().isEmpty()) {
            double[] bests = result.bestPerScenario();
            double[] chosen = result.objectivePerScenario(best);
            double sign = setup.question().minimize() ? -1 : 1;
            int worst = 0;
            for (int m = 0; m < bests.length; m++) {
                if (bests[m] - sign * chosen[m] > bests[worst] - sign * chosen[worst]) {
                    worst = m;
                }
            }
            out.append(String.format(Locale.ROOT, "Robustness: %s. Largest regret %s, in uncertainty scenario %d "
                            + "(%s); every scenario's regret is in regret.csv.%n", setup.question().robustness()
                            .description(), CalibrationTable.show(bests[worst] - sign * chosen[worst]), worst + 1,
                    draws(setup, worst)));
        }
        out.append(String.format(Locale.ROOT, "Chosen: evaluation %d of %d; intervals: mean across the %d runs of each "
                        + "(%s), paired run by run for the difference.%n", best.index(), result.evaluations().size(),
                setup.runs(), setup.uncertain().isEmpty() ? "replications"
                        : "replications x uncertainty scenarios"));
        return out.toString();
    }

    /** What to run next with the folder just written. */
    public static String next(Optimization.Result result, Path folder) {
        OptimizationSetup setup = result.setup();
        StringBuilder vs = new StringBuilder();
        for (int i = 0; i < setup.levers().size(); i++) {
            vs.append(i == 0 ? "" : "; ").append(setup.levers().get(i).override(result.best().values()[i]));
        }
        Path scenario = folder.resolve("scenario.yaml");
        return String.format(Locale.ROOT, "%nNext:%n  ./marketsim run %s          # every outcome at the best levers%n"
                        + "  ./marketsim audit %s        # would rivals answer these prices?%n"
                        + "  ./marketsim compare %s --vs '%s'   # start against best, every metric%n",
                scenario, scenario, setup.scenario(), vs);
    }

    private static String draws(OptimizationSetup setup, int m) {
        List<String> parts = new ArrayList<>();
        for (int u = 0; u < setup.uncertain().size(); u++) {
            parts.add(setup.uncertain().get(u).path() + "=" + CalibrationTable.show(setup.draws()[m][u]));
        }
        return String.join(", ", parts);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String interval(Estimate e) {
        if (Double.isNaN(e.mean())) {
            return "n/a";
        }
        return CalibrationTable.show(e.mean()) + (Double.isNaN(e.halfWidth()) ? ""
                : " [" + CalibrationTable.show(e.lower()) + ", " + CalibrationTable.show(e.upper()) + "]");
    }

    static String signed(Estimate e) {
        if (Double.isNaN(e.mean())) {
            return "n/a";
        }
        String sign = e.mean() > 0 ? "+" : "";
        return sign + interval(e);
    }
}
