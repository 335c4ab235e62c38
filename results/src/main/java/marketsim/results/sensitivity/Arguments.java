package marketsim.results.sensitivity;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with a method's arguments and reports them together in one
 * {@link IllegalArgumentException}, in the form "`n` (1) must be >= 2".
 */
final class Arguments {
    private final List<String> problems = new ArrayList<>();

    Arguments atLeast(String name, long value, long min) {
        return require(value >= min, "`" + name + "` (" + value + ") must be >= " + min);
    }

    Arguments atMost(String name, long value, long max) {
        return require(value <= max, "`" + name + "` (" + value + ") must be <= " + max);
    }

    /** Strictly between 0 and 1, as a confidence level or a peeling fraction must be; NaN fails. */
    Arguments fraction(String name, double value) {
        return require(value > 0 && value < 1, "`" + name + "` (" + value + ") must be in (0, 1)");
    }

    Arguments require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
        return this;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void check() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
