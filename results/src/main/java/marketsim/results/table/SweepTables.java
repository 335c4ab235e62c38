package marketsim.results.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import marketsim.results.sweep.Design;
import marketsim.results.sweep.Factor;
import marketsim.results.experiment.Outcome;
import marketsim.results.sweep.Sweep;
import marketsim.results.sweep.SweepAnalysis;
import marketsim.results.sweep.SweepFolder;
import marketsim.results.sweep.SweepPlan;
import marketsim.results.sensitivity.MorrisIndex;
import marketsim.results.sensitivity.Prim;
import marketsim.results.sensitivity.SobolIndex;

/** The terminal summary of a sweep: what ran, then points, sensitivity indices or the discovered box. */
public final class SweepTables {
    /** Points listed in the terminal; the rest are in points.csv. */
    public static final int MAX_POINT_ROWS = 30;

    private SweepTables() {
    }

    /** Whether the charts draw response curves or heat maps for this plan (or its analyses' charts). */
    public static boolean drawsResponseCharts(SweepPlan plan) {
        if (plan.design() != Design.GRID || plan.condition() != null) {
            return true;
        }
        long numeric = plan.factors().stream().filter(SweepAnalysis::numeric).count();
        return plan.factors().size() == 1 ? numeric == 1 : plan.factors().size() == 2 && numeric >= 1;
    }

    public static String header(SweepPlan plan, Sweep.Shard shard, int resumed) {
        String design = switch (plan.design()) {
            case GRID -> "Grid design";
            case LHS -> "Latin hypercube design";
            case SOBOL -> "Sobol design (Saltelli), " + plan.samples() + " base samples";
            case MORRIS -> "Morris design, " + plan.samples() + " trajectories on " + plan.levels() + " levels";
        };
        return String.format(Locale.ROOT, "%s: %d points x %d replications = %d runs%s%s "
                        + "(common random numbers, master seed %d)%n", design, plan.points().size(),
                plan.replications(), plan.runs(), shard.whole() ? "" : ", slice " + shard + " of them",
                resumed > 0 ? ", " + resumed + " resumed from the journal" : "", plan.masterSeed());
    }

    public static String body(Sweep.Result r, SweepAnalysis.Analyses analyses) {
        return body(r, analyses, Layout.TEXT, "money");
    }

    /** The points (grid and Latin hypercube designs), indices and discovered box; as CSV, the points alone. */
    public static String body(Sweep.Result r, SweepAnalysis.Analyses analyses, Layout layout, String money) {
        StringBuilder out = new StringBuilder();
        SweepPlan plan = r.plan();
        if (layout.data()) {
            return plan.design() == Design.GRID || plan.design() == Design.LHS ? points(r, layout, money) : "";
        }
        if (plan.design() == Design.GRID || plan.design() == Design.LHS) {
            out.append(points(r, layout, money));
        }
        for (SweepAnalysis.Sensitivity s : analyses.sensitivity()) {
            out.append(String.format(Locale.ROOT, "%n%s%n", s.outcome().label()));
            if (s.missing() != null) {
                out.append("  no indices: ").append(s.missing()).append(System.lineSeparator());
                continue;
            }
            List<String[]> rows = new ArrayList<>();
            for (int f = 0; f < plan.factors().size(); f++) {
                String name = plan.factors().get(f).path();
                if (plan.design() == Design.SOBOL) {
                    SobolIndex i = s.sobol().get(f);
                    rows.add(new String[] {name, "first " + interval(i.first(), i.firstLow(), i.firstHigh()),
                        "total " + interval(i.total(), i.totalLow(), i.totalHigh())});
                } else {
                    MorrisIndex i = s.morris().get(f);
                    rows.add(new String[] {name, "mu* " + interval(i.muStar(), i.muStarLow(), i.muStarHigh()),
                        "sigma " + number(i.sigma()), "mu " + number(i.mu())});
                }
            }
            out.append(align(rows, "  "));
        }
        SweepAnalysis.Discovery d = analyses.discovery();
        if (d != null) {
            out.append(discovery(plan, d));
        }
        return out.toString();
    }

    private static String discovery(SweepPlan plan, SweepAnalysis.Discovery d) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nWhere '%s' holds: %d of %d points.%n",
                d.condition().text(), d.count(), plan.points().size()));
        if (d.count() == 0) {
            return out.append("  no box to find: widen the ranges or change the condition").append(
                    System.lineSeparator()).toString();
        }
        if (d.prim() == null) {
            return out.append("  no box to find: PRIM needs at least two design points").append(
                    System.lineSeparator()).toString();
        }
        Prim.Box box = d.prim().box();
        out.append(String.format(Locale.ROOT, "PRIM box (coverage %.0f%%, density %.0f%%, %.0f%% of the points):%n",
                100 * box.coverage(), 100 * box.density(), 100 * box.mass()));
        for (int f = 0; f < plan.factors().size(); f++) {
            Factor factor = plan.factors().get(f);
            boolean restricted = box.restricted()[f];
            out.append(String.format(Locale.ROOT, "  %s %s%n", factor.path(), restricted
                    ? "in [" + bound(factor, box.lower()[f], false) + ", " + bound(factor, box.upper()[f], true) + "]"
                    : "any value (not restricted)"));
        }
        return out.toString();
    }

    private static String bound(Factor factor, double x, boolean upper) {
        if (!SweepAnalysis.numeric(factor)) {
            return SweepFolder.boundText(factor, x, upper);
        }
        return number(x);
    }

    /**
     * Per point: the value of each varied parameter (a column per parameter, named by its whole path) and the mean of
     * each outcome with its 95% interval across replications (default outcomes: unit share and net margin by
     * archetype, platform fees).
     */
    private static String points(Sweep.Result r, Layout layout, String money) {
        SweepPlan plan = r.plan();
        List<Outcome> outcomes = Outcome.parseAll(plan.outcomes());
        List<String> headers = new ArrayList<>(List.of("point"));
        for (Factor f : plan.factors()) {
            headers.add(f.path());
        }
        for (Outcome o : outcomes) {
            headers.add(o.label() + (percent(o) ? " %" : ""));
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(headers.toArray(String[]::new));
        int shown = layout.data() ? plan.points().size() : Math.min(plan.points().size(), MAX_POINT_ROWS);
        List<double[]> means = new ArrayList<>();
        List<double[]> halfWidths = new ArrayList<>();
        for (Outcome o : outcomes) {
            means.add(SweepAnalysis.means(r, o));
            halfWidths.add(r.means().halfWidths(o));
        }
        int k = plan.factors().size();
        for (int p = 0; p < shown; p++) {
            String[] row = new String[headers.size()];
            row[0] = Integer.toString(p + 1);
            for (int f = 0; f < k; f++) {
                String v = plan.points().get(p).values().get(f);
                row[f + 1] = plan.factors().get(f).continuous() && !layout.data()
                        ? new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                                .toPlainString() : v;
            }
            for (int c = 0; c < outcomes.size(); c++) {
                double v = means.get(c)[p];
                double h = halfWidths.get(c)[p];
                double scale = percent(outcomes.get(c)) ? 100 : 1;
                row[k + 1 + c] = layout.data() ? (Double.isNaN(v) ? "" : marketsim.results.Csv.number(v))
                        : Double.isNaN(v) ? "n/a" : shown(v * scale, percent(outcomes.get(c)))
                                + (Double.isNaN(h) ? "" : " +- " + shown(h * scale, percent(outcomes.get(c))));
            }
            rows.add(row);
        }
        if (layout.data()) {
            return layout.render(rows, "");
        }
        StringBuilder out = new StringBuilder(layout.wrap(String.format(Locale.ROOT, "%nLast-window means across "
                + "replications +- 95%% CI half-width (shares and margins in %%%s):%n%n", SummaryTable.inMoney(money))));
        out.append(layout.render(rows, "", 1 + k));
        if (shown < plan.points().size()) {
            out.append(String.format(Locale.ROOT, "... and %d more points in points.csv%n",
                    plan.points().size() - shown));
        }
        return out.toString();
    }

    private static String shown(double x, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.1f", x) : number(x);
    }

    /** Whether an outcome is a share or ratio best read in percent. */
    private static boolean percent(Outcome o) {
        String unit = o.metric().unit();
        return unit.startsWith("share");
    }

    private static String align(List<String[]> rows, String indent) {
        int[] widths = new int[rows.stream().mapToInt(r -> r.length).max().orElse(0)];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(indent);
            for (int c = 0; c < row.length; c++) {
                out.append(c == 0 || !indent.isEmpty() ? String.format((c == 0 ? "" : "  ") + "%-" + widths[c] + "s", row[c])
                        : String.format("  %" + widths[c] + "s", row[c]));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String interval(double mean, double low, double high) {
        return number(mean) + " [" + number(low) + ", " + number(high) + "]";
    }

    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.3f", x);
    }
}
