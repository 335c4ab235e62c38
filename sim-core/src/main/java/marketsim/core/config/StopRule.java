package marketsim.core.config;

import java.util.List;

/**
 * When a run ends before its horizon (ODD 7.12, the scenario's {@code stop:}): at the end of the first tick, from
 * tick {@code from} on, at which any of the conditions holds. A condition is comparisons joined by "and", each of
 * a metric of an entity at that tick (as timeseries.csv has it) with a number or another such metric, in the
 * syntax of a sweep's {@code --discover}: {@code platform.members < 0.05}.
 *
 * @param conditions the conditions, any one of which stops the run (none: the run goes to its horizon)
 * @param from       the first tick (1-based) at which they are tested
 */
public record StopRule(List<Condition> conditions, int from) {
    /** No condition: every run goes to its horizon. */
    public static final StopRule NONE = new StopRule(List.of(), 1);

    public StopRule {
        conditions = List.copyOf(conditions);
        if (from < 1) {
            throw new IllegalArgumentException("stop conditions are tested from tick 1 on");
        }
    }

    public boolean active() {
        return !conditions.isEmpty();
    }

    /** A condition as written, and its comparisons, all of which must hold. */
    public record Condition(String text, List<Comparison> comparisons) {
        public Condition {
            comparisons = List.copyOf(comparisons);
        }
    }

    /** {@code left op right}, op one of {@code < <= > >=}. */
    public record Comparison(Operand left, String op, Operand right) {
        public boolean holds(double a, double b) {
            return switch (op) {
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                default -> throw new IllegalStateException("operator " + op);
            };
        }
    }

    /** A number ({@code entity} null), or the metric {@code metric} (its key) of the entity named {@code entity}. */
    public record Operand(String entity, String metric, double number) {
        public static Operand of(double number) {
            return new Operand(null, null, number);
        }

        public boolean isNumber() {
            return entity == null;
        }
    }
}
