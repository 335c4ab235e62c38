package marketsim.results.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.results.Csv;
import marketsim.scenario.Overrides;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioDocument;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.input.Problem;

/**
 * A parameter a search moves within [min, max], by its {@code --set} path. The search works on positions x in
 * [0, 1]; a whole-number parameter maps them to equal-width bins, one per whole number, so its ends are as
 * reachable as the values between them. {@code start} is the scenario's own value (the middle of a range that does
 * not contain it).
 */
public record SearchParameter(String path, double min, double max, boolean integer, double start) {
    /** The problem message of a value that must be whole (see marketsim.scenario.Node). */
    private static final String WHOLE_NUMBER = "must be a whole number";

    /** The stream the optimizer's own seed is derived from (CMA-ES's sampling; the runs keep their own seeds). */
    private static final long OPTIMIZER_STREAM = 0x434D4145L;

    /** The values of {@code parameters} at positions {@code point} in [0, 1]^d. */
    public static double[] values(List<SearchParameter> parameters, double[] point) {
        double[] values = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            values[i] = parameters.get(i).value(point[i]);
        }
        return values;
    }

    /** Where a search starts: each parameter's start as a position in [0, 1]. */
    public static double[] startPoint(List<SearchParameter> parameters) {
        return parameters.stream().mapToDouble(p -> p.position(p.start())).toArray();
    }

    /** The optimizer's own seed, derived from the master seed, so a search is reproducible from it alone. */
    public static long optimizerSeed(long masterSeed) {
        return marketsim.core.random.Streams.derive(masterSeed, OPTIMIZER_STREAM);
    }

    /** Why the scenario refuses the range, at one end or both; empty when it takes both. */
    public record Refusal(String atMin, String atMax) {
    }

    public double value(double x) {
        if (!integer) {
            return min + x * (max - min);
        }
        return Math.min(max, min + Math.floor(x * (max - min + 1)));
    }

    /** The position of {@code value} in [0, 1] (the middle of its bin for a whole number). */
    public double position(double value) {
        return integer ? (value - min + 0.5) / (max - min + 1) : (value - min) / (max - min);
    }

    /** The value as {@code --set} and a written scenario give it: exact, never in exponent form. */
    public String text(double value) {
        return integer ? Long.toString(Math.round(value)) : BigDecimal.valueOf(value).toPlainString();
    }

    /** {@code path=value}, as {@code --set} takes it. */
    public String override(double value) {
        return path + "=" + text(value);
    }

    /**
     * Why the scenario (the document read with {@code overrides}) refuses {@code path} at {@code min} or at
     * {@code max}, or null if it takes both.
     */
    public static Refusal refusal(ScenarioDocument document, List<String> overrides, String path, double min,
                                  double max) {
        String atMin = rejection(document, overrides, path, Csv.number(min));
        String atMax = rejection(document, overrides, path, Csv.number(max));
        return atMin == null && atMax == null ? null : new Refusal(atMin, atMax);
    }

    /**
     * The parameter at {@code path} within [min, max], which the scenario must take at both ends ({@link #refusal}):
     * whether it is whole (found by probing the middle of the range) and its start.
     */
    public static SearchParameter resolve(ScenarioDocument document, List<String> overrides, Scenario base, String path,
                                          double min, double max) {
        double probe = (min + max) / 2;
        if (probe == Math.rint(probe)) {
            probe += 0.5; // a whole midpoint would not tell whole-number parameters apart
        }
        String atProbe = rejection(document, overrides, path, Double.toString(probe));
        boolean integer = atProbe != null && atProbe.contains(WHOLE_NUMBER);
        SearchParameter unstarted = new SearchParameter(path, min, max, integer, Double.NaN);
        JsonNode current = Overrides.valueAt(base.document(), path);
        double start = current != null && current.isNumber() && current.asDouble() >= min
                && current.asDouble() <= max ? current.asDouble() : unstarted.value(0.5);
        return new SearchParameter(path, min, max, integer, start);
    }

    /**
     * The value at {@code path} the scenario runs with: its own, written in or a default, or for a firm's value it
     * leaves to its archetype ({@code firms[NAME].KEY}), the archetype's; NaN if none is a number.
     */
    public static double current(Scenario base, String path) {
        JsonNode current = Overrides.valueAt(base.complete(), path);
        Matcher firm = FIRM.matcher(path);
        if ((current == null || !current.isNumber()) && firm.matches()) {
            JsonNode archetype = Overrides.valueAt(base.complete(), "firms[" + firm.group(1) + "].archetype");
            if (archetype != null && archetype.isTextual()) {
                current = Overrides.valueAt(base.complete(), "archetypes." + archetype.asText() + "." + firm.group(2));
            }
        }
        return current != null && current.isNumber() ? current.asDouble() : Double.NaN;
    }

    /** A firm's own value: {@code firms[NAME].KEY...}. */
    private static final Pattern FIRM = Pattern.compile("firms\\[([^\\]]+)\\]\\.(.+)");

    /** Why the scenario refuses {@code path=value}, or null if it takes it. */
    public static String rejection(ScenarioDocument document, List<String> overrides, String path, String value) {
        String override = path + "=" + value;
        List<String> all = new ArrayList<>(overrides);
        all.add(override);
        try {
            document.read(all);
            return null;
        } catch (ScenarioException e) {
            List<String> reasons = new ArrayList<>();
            for (Problem problem : e.problems()) {
                // without the loader's "set on the command line": the study set the value, not the user's --set
                String message = problem.message().replace(" [set on the command line: " + override + "]", "");
                reasons.add(problem.path().isEmpty() ? message : problem.path() + ": " + message);
            }
            return String.join("; ", reasons);
        }
    }
}
