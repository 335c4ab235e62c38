package marketsim.results.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import marketsim.results.search.Evaluation;
import marketsim.results.search.SearchParameter;
import marketsim.format.Estimate;
import marketsim.results.calibration.Calibration;
import marketsim.results.calibration.CalibrationSetup;
import marketsim.results.calibration.MomentObjective;
import marketsim.results.calibration.Targets;

/**
 * The printed outcome of a calibration: each parameter's range, start and fitted value; each
 * target against the fitted mean with its 95% interval across replications and its share of the
 * loss; then the best loss and how the search stopped.
 */
public final class CalibrationTable {
    /** Significant digits printed: enough to tell fitted values apart, few enough to read. */
    private static final MathContext SHOWN = new MathContext(4);

    private CalibrationTable() {
    }

    public static String render(Calibration.Result result) {
        CalibrationSetup setup = result.setup();
        var config = setup.base().config();
        Evaluation best = result.best();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s: %d %s fitted to %d %s by simulated moments (CMA-ES, %d candidates a generation); %d %s x %d "
                        + "ticks on common random numbers, master seed %d.%n%n",
                setup.base().name(), setup.parameters().size(), setup.parameters().size() == 1 ? "parameter" : "parameters",
                setup.targets().targets().size(), setup.targets().targets().size() == 1 ? "target" : "targets",
                result.populationSize(), setup.replications(),
                setup.replications() == 1 ? "replication" : "replications", config.horizon(), setup.masterSeed()));
        List<String[]> parameters = new ArrayList<>();
        parameters.add(new String[] {"parameter", "range", "start", "fitted"});
        for (int i = 0; i < setup.parameters().size(); i++) {
            SearchParameter p = setup.parameters().get(i);
            parameters.add(new String[] {p.path(), "[" + show(p.min()) + ", " + show(p.max()) + "]", show(p.start()),
                    show(best.values()[i])});
        }
        table(out, parameters);
        out.append(System.lineSeparator());
        List<String[]> targets = new ArrayList<>();
        targets.add(new String[] {"target", "wanted", "fitted [95% CI]", "misfit"});
        for (int k = 0; k < setup.targets().targets().size(); k++) {
            Targets.Target t = setup.targets().targets().get(k);
            Estimate e = Estimate.of(best.outcomes()[k]);
            String fitted = Double.isNaN(best.mean(k)) ? "n/a in " + (setup.replications() - e.n()) + " replications"
                    : show(e.mean())
                    + (Double.isNaN(e.halfWidth()) ? "" : " [" + show(e.lower()) + ", " + show(e.upper()) + "]");
            targets.add(new String[] {t.outcome().label(), wanted(t), fitted, show(MomentObjective.misfit(t,
                    best.outcomes()[k]))});
        }
        table(out, targets);
        out.append(String.format(Locale.ROOT, "%nbest loss %s at evaluation %d of %d (%s); loss = sum of weight x "
                        + "(distance / scale)^2.%n", show(best.loss()), best.index(), result.evaluations().size(),
                result.stopped()));
        return out.toString();
    }

    private static String wanted(Targets.Target t) {
        String scale = "scale " + show(t.scale()) + (t.weight() == 1 ? "" : ", weight " + show(t.weight()));
        return (t.isRange() ? "[" + show(t.low()) + ", " + show(t.high()) + "]" : show(t.low())) + " (" + scale + ")";
    }

    /** Four significant digits, plain (never in exponent form), "n/a" for a missing value. */
    static String show(double x) {
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        if (x == 0) {
            return "0";
        }
        return new BigDecimal(x).round(SHOWN).stripTrailingZeros().toPlainString();
    }

    /** Left-aligned first column, right-aligned others, a rule under the header. */
    static void table(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = rows.get(r)[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
            if (r == 0) {
                out.append("-".repeat(line.length())).append(System.lineSeparator());
            }
        }
    }
}
