package marketsim.results.optimization;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import marketsim.results.Csv;
import marketsim.results.experiment.Outcome;

/**
 * A bound an optimization must keep, {@code ENTITY.METRIC >= X} or {@code <= X} ({@code >} and {@code <} read as
 * the same: on a continuous outcome they differ by nothing a search can tell). It is tested on the outcome's mean
 * across replications in each uncertainty scenario; it holds when it holds in every one. Its violation is how far
 * the mean falls on the wrong side of the bound, in units of the bound ({@code |X|}, or 1 for a bound of 0),
 * averaged over the scenarios, so constraints on outcomes of different sizes weigh alike.
 */
public record Constraint(String text, Outcome outcome, boolean atLeast, double bound) {
    private static final Pattern FORM = Pattern.compile("\\s*(\\S+?)\\s*(>=|<=|>|<)\\s*(\\S+)\\s*");
    /** The violation of a mean that has no value (a ratio with nothing to divide): a whole bound's width. */
    static final double MISSING_VIOLATION = 1;

    /** Parses {@code ENTITY.METRIC >= X}; throws with the form expected. */
    public static Constraint parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' must look like 'ENTITY.METRIC >= NUMBER' "
                    + "(or <=), e.g. 'customer-focused.net_margin >= 0.1'");
        }
        double bound;
        try {
            bound = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "': '" + m.group(3) + "' is not a number; a "
                    + "constraint bounds one outcome by a number, e.g. 'platform.net_profit >= 0'");
        }
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("'" + text.strip() + "': the bound must be a finite number");
        }
        return new Constraint(text.strip(), Outcome.parse(m.group(1)), m.group(2).startsWith(">"), bound);
    }

    /** How far {@code mean} is on the wrong side of the bound, in units of the bound; 0 when it holds. */
    public double violation(double mean) {
        if (Double.isNaN(mean)) {
            return MISSING_VIOLATION;
        }
        double shortfall = atLeast ? bound - mean : mean - bound;
        return Math.max(0, shortfall) / (bound == 0 ? 1 : Math.abs(bound));
    }

    /** {@code platform.net_profit >= 0}. */
    public String label() {
        return String.format(Locale.ROOT, "%s %s %s", outcome.label(), atLeast ? ">=" : "<=", Csv.number(bound));
    }
}
