package marketsim.results.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import marketsim.results.experiment.Comparison;
import marketsim.results.experiment.Outcome;

/**
 * An outcome condition for scenario discovery, e.g.
 * {@code customer-focused.net_margin > product-focused.net_margin} or
 * {@code platform.platform_take >= 0.4 and market.hhi < 2500}: comparisons of outcomes
 * ({@code ENTITY.METRIC}) with outcomes or numbers, joined by {@code and}. It is tested on a
 * design point's means across replications.
 */
public final class Condition {
    private static final Pattern COMPARISON = Pattern.compile("\\s*(\\S+)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");

    private record Side(Outcome outcome, double number) {
        double value(ToDoubleFunction<Outcome> values) {
            return outcome != null ? values.applyAsDouble(outcome) : number;
        }
    }

    private record Comparison(Side left, String op, Side right) {
        boolean holds(ToDoubleFunction<Outcome> values) {
            double a = left.value(values);
            double b = right.value(values);
            return switch (op) {
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                default -> a >= b;
            };
        }
    }

    private final String text;
    private final List<Comparison> comparisons;

    private Condition(String text, List<Comparison> comparisons) {
        this.text = text;
        this.comparisons = comparisons;
    }

    public static Condition parse(String text) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String part : text.strip().split("(?i)\\s+and\\s+")) {
            Matcher m = COMPARISON.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' must look like ENTITY.METRIC > NUMBER or "
                        + "ENTITY.METRIC > ENTITY.METRIC (operators < <= > >=, joined by 'and')");
            }
            comparisons.add(new Comparison(side(m.group(1)), m.group(2), side(m.group(3))));
        }
        Condition condition = new Condition(text.strip(), comparisons);
        if (condition.outcomes().isEmpty()) {
            throw new IllegalArgumentException("'" + text.strip() + "' compares only numbers; name an outcome, e.g. "
                    + "customer-focused.net_margin > 0.05 (shares and margins are fractions: 0.05 is 5%)");
        }
        return condition;
    }

    private static Side side(String text) {
        try {
            double x = Double.parseDouble(text);
            if (Double.isFinite(x)) {
                return new Side(null, x);
            }
        } catch (NumberFormatException e) {
            // not a number: an outcome
        }
        return new Side(Outcome.parse(text), Double.NaN);
    }

    /** The outcomes the condition reads. */
    public List<Outcome> outcomes() {
        List<Outcome> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            for (Side s : List.of(c.left(), c.right())) {
                if (s.outcome() != null && !out.contains(s.outcome())) {
                    out.add(s.outcome());
                }
            }
        }
        return out;
    }

    /** Whether every comparison holds; a missing value (NaN) never satisfies one. */
    public boolean holds(ToDoubleFunction<Outcome> values) {
        for (Comparison c : comparisons) {
            if (!c.holds(values)) {
                return false;
            }
        }
        return true;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
