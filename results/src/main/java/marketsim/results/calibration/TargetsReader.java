package marketsim.results.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import marketsim.results.Csv;
import marketsim.results.experiment.Outcome;
import marketsim.scenario.Overrides;
import marketsim.scenario.input.Document;
import marketsim.scenario.input.InputException;
import marketsim.scenario.input.InputFiles;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Section;

/**
 * Reads a calibration targets file (YAML; the format is in docs/CALIBRATION.md) with the input
 * toolkit ({@link marketsim.scenario.input}), as scenarios are read: every problem is collected,
 * with its path in the document and its line and column, and reported at once; unknown keys are
 * errors, with the closest known key. Whether the outcomes exist in a scenario and the scenario
 * accepts the ranges is checked later, against the scenario ({@link CalibrationSetup}).
 */
public final class TargetsReader {
    /** Larger files are refused before parsing: a targets file is a few dozen lines. */
    private static final long MAX_BYTES = 1024 * 1024;
    private static final String[] TOP_KEYS = {"description", "parameters", "targets"};
    private static final String[] PARAMETER_KEYS = {"path", "min", "max"};
    private static final String[] TARGET_KEYS = {"outcome", "value", "range", "weight", "scale"};
    /** The largest double, as messages name it. */
    static final String LARGEST = "1.8e308";

    private TargetsReader() {
    }

    /** Reads and checks a targets file. */
    public static Targets read(Path path) throws TargetsException {
        String label = path.toString();
        String text;
        try {
            text = InputFiles.read(path, label, "targets file", MAX_BYTES);
        } catch (InputException e) {
            throw new TargetsException(e);
        }
        return parse(label, text);
    }

    /** Reads and checks targets given as text; {@code label} names them in messages. */
    public static Targets parse(String label, String text) throws TargetsException {
        Document document;
        try {
            document = Document.parse(label, text, false);
        } catch (InputException e) {
            throw new TargetsException(e);
        }
        if (!document.root().isObject()) {
            throw new TargetsException(label, "must be a mapping with 'parameters' (what to fit) and 'targets' (what to "
                    + "match), got " + (document.isEmpty() ? "an empty file" : Section.show(document.root())));
        }
        List<Problem> problems = new ArrayList<>();
        Section root = Section.root(document, problems);
        root.markKnown(TOP_KEYS);
        JsonNode description = root.json().path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            root.problemAt("description", "must be text, got " + Section.show(description));
        }
        List<Targets.Parameter> parameters = parameters(root);
        List<Targets.Target> targets = targets(root);
        root.finish();
        if (!problems.isEmpty()) {
            throw new TargetsException(label, problems);
        }
        return new Targets(label, text, description.asText(""), parameters, targets);
    }

    private static List<Targets.Parameter> parameters(Section root) {
        List<Targets.Parameter> out = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (Section e : list(root, "parameters", "{path, min, max}",
                "the parameters to fit, e.g. - {path: platform.take_rate, min: 0.05, max: 0.5}")) {
            e.markKnown(PARAMETER_KEYS);
            String path = text(e, "path", "a scenario path as in --set, e.g. platform.take_rate");
            Double min = number(e, "min");
            Double max = number(e, "max");
            if (min != null && max != null && !(min < max)) {
                e.problemAt("min", "(" + Csv.number(min) + ") must be less than max (" + Csv.number(max) + ")");
            }
            String badPath = path == null ? null : Overrides.pathProblem(path);
            if (badPath != null) {
                e.problemAt("path", "'" + path + "': " + badPath);
                path = null;
            }
            if (path != null && !paths.add(path)) {
                e.problemAt("path", "'" + path + "' is listed twice; fit each parameter once");
            }
            if (path != null && min != null && max != null) {
                Map<String, String> where = new LinkedHashMap<>();
                where.put("", e.location());
                for (String key : PARAMETER_KEYS) {
                    where.put(key, e.location(key));
                }
                out.add(new Targets.Parameter(path, min, max, where));
            }
            e.finish();
        }
        return out;
    }

    private static List<Targets.Target> targets(Section root) {
        List<Targets.Target> out = new ArrayList<>();
        Set<String> outcomes = new HashSet<>();
        double worstLoss = 0;
        for (Section e : list(root, "targets", "{outcome, value or range, weight, scale}",
                "the outcomes to match, e.g. - {outcome: platform.platform_take, value: 0.3}")) {
            e.markKnown(TARGET_KEYS);
            Outcome outcome = outcome(e);
            double[] bounds = bounds(e);
            double weight = positive(e, "weight", 1);
            double scale = positive(e, "scale", Double.NaN);
            if (bounds != null && Double.isNaN(scale)) {
                scale = bounds[1] > bounds[0] ? bounds[1] - bounds[0] : Math.abs(bounds[0]);
                if (scale == 0) {
                    e.problem(e.path(), "needs a 'scale' when the value is 0 (the distance that counts as one unit of "
                            + "misfit), e.g. scale: 0.05", e.location());
                }
            }
            if (outcome != null && !outcomes.add(outcome.label())) {
                e.problemAt("outcome", "'" + outcome.label() + "' is targeted twice; give each outcome one target");
            }
            if (outcome != null && bounds != null && scale > 0 && weight > 0) {
                Targets.Target target = new Targets.Target(outcome, bounds[0], bounds[1], weight, scale,
                        e.location("outcome"));
                String overflow = overflow(target);
                if (overflow != null) {
                    e.problem(e.path(), overflow, e.location());
                } else {
                    out.add(target);
                    worstLoss += worstMisfit(target);
                }
            }
            e.finish();
        }
        if (Double.isInfinite(worstLoss)) {
            root.problemAt("targets", "the targets' misfits together overflow (exceed " + LARGEST + ") when every "
                    + "outcome is missed: use smaller weights");
        }
        return out;
    }

    /**
     * Why the target's misfit, {@code w (d / s)^2}, could be too large for a number, or null. Known
     * before anything runs for the two outcomes every calibration can meet: 0 (a market where
     * nothing sells) and an outcome missing in a replication, counted as a miss by
     * {@value MomentObjective#MISSING_DISTANCE_IN_SCALES} scales. An infinite loss cannot rank
     * candidates: the search would report "best loss n/a" and a meaningless fit.
     */
    private static String overflow(Targets.Target t) {
        String misfit = "the misfit, weight x (distance / scale)^2, overflows (exceeds " + LARGEST + ") for ";
        double fromZero = t.distance(0) / t.scale();
        if (Double.isInfinite(t.misfit(0))) {
            return misfit + "an outcome of 0, " + (Double.isFinite(fromZero) ? big(fromZero) : "more than " + LARGEST)
                    + " scales from the target: use a larger scale" + (Double.isFinite(fromZero * fromZero)
                    ? " or a smaller weight" : "");
        }
        if (Double.isInfinite(worstMisfit(t))) {
            return misfit + "an outcome missing in a replication (counted as "
                    + Csv.number(MomentObjective.MISSING_DISTANCE_IN_SCALES) + " scales away): use a smaller weight";
        }
        return null;
    }

    /** The larger of the misfits at an outcome of 0 and at a missing outcome. */
    private static double worstMisfit(Targets.Target t) {
        double scales = Math.max(t.distance(0) / t.scale(), MomentObjective.MISSING_DISTANCE_IN_SCALES);
        return t.weight() * scales * scales;
    }

    /** A large number as a message shows it: 3e299, 1.5e20. */
    static String big(double x) {
        return String.format(Locale.ROOT, "%.3g", x).replaceFirst("\\.?0*e\\+?", "e");
    }

    /** The outcome named; a bad name is reported with the closest metric ({@link Outcome#parse}). */
    private static Outcome outcome(Section e) {
        String text = text(e, "outcome", "ENTITY.METRIC, e.g. platform.platform_take");
        if (text == null) {
            return null;
        }
        try {
            return Outcome.parse(text);
        } catch (IllegalArgumentException bad) {
            e.problemAt("outcome", bad.getMessage());
            return null;
        }
    }

    /** {low, high}: a point gives {v, v}; null after reporting a problem. */
    private static double[] bounds(Section e) {
        boolean point = e.json().has("value");
        boolean range = e.json().has("range");
        if (point == range) {
            e.problem(e.path(), point
                    ? "has both 'value' and 'range': give a point (value: 0.3) or a range (range: [0.4, 0.55])"
                    : "needs 'value' (a point, e.g. value: 0.3) or 'range' (e.g. range: [0.4, 0.55])", e.location());
            return null;
        }
        if (point) {
            Double v = number(e, "value");
            return v == null ? null : new double[] {v, v};
        }
        JsonNode r = e.json().get("range");
        if (!r.isArray() || r.size() != 2 || !finite(r.get(0)) || !finite(r.get(1))) {
            e.problemAt("range", "must be two numbers [low, high], got " + Section.show(r));
            return null;
        }
        double low = r.get(0).asDouble();
        double high = r.get(1).asDouble();
        if (!(low < high)) {
            e.problemAt("range", "low (" + Csv.number(low) + ") must be less than high (" + Csv.number(high)
                    + "); for a single number use value:");
            return null;
        }
        return new double[] {low, high};
    }

    /** An optional number > 0, or {@code absent}; NaN after reporting a problem. */
    private static double positive(Section e, String key, double absent) {
        JsonNode v = e.json().get(key);
        if (v == null) {
            return absent;
        }
        if (!finite(v) || !(v.asDouble() > 0)) {
            e.problemAt(key, "must be a number > 0, got " + Section.show(v));
            return Double.NaN;
        }
        return v.asDouble();
    }

    /** The elements of the required, non-empty list under {@code key}, each at {@code key[index]}. */
    private static List<Section> list(Section root, String key, String shape, String example) {
        JsonNode list = root.json().get(key);
        if (list == null) {
            root.problem(key, "missing: list " + example);
            return List.of();
        }
        if (!list.isArray() || list.isEmpty()) {
            root.problemAt(key, "must be a non-empty list of " + example);
            return List.of();
        }
        return root.list(key, null, shape);
    }

    private static String text(Section e, String key, String what) {
        JsonNode v = e.json().get(key);
        if (v == null) {
            e.problem(e.path(), "missing '" + key + "': " + what, e.location());
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            e.problemAt(key, "must be " + what + ", got " + Section.show(v));
            return null;
        }
        return v.asText().strip();
    }

    private static Double number(Section e, String key) {
        JsonNode v = e.json().get(key);
        if (v == null) {
            e.problem(e.path(), "missing '" + key + "' (a number)", e.location());
            return null;
        }
        if (!finite(v)) {
            e.problemAt(key, "must be a number, got " + Section.show(v));
            return null;
        }
        return v.asDouble();
    }

    private static boolean finite(JsonNode v) {
        return v != null && v.isNumber() && Double.isFinite(v.asDouble());
    }
}
