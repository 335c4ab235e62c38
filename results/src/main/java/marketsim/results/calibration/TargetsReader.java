package marketsim.results.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import marketsim.core.metrics.Metric;
import marketsim.scenario.input.Locations;
import marketsim.scenario.input.Problem;
import org.apache.commons.text.similarity.LevenshteinDistance;
import marketsim.results.Csv;
import marketsim.results.experiment.Outcome;

/**
 * Reads a calibration targets file (YAML; the format is in docs/CALIBRATION.md). Every problem is
 * collected, with its path in the document and its line and column, and reported at once; unknown
 * keys are errors, with the closest known key. Whether the outcomes exist in a scenario and the
 * scenario accepts the ranges is checked later, against the scenario ({@link CalibrationSetup}).
 */
public final class TargetsReader {
    /** Larger files are refused before parsing: a targets file is a few dozen lines. */
    private static final long MAX_BYTES = 1024 * 1024;
    /** Farthest edit distance at which an unknown name still gets a "did you mean". */
    private static final int MAX_SUGGESTION_DISTANCE = 3;
    private static final List<String> TOP_KEYS = List.of("description", "parameters", "targets");
    private static final List<String> PARAMETER_KEYS = List.of("path", "min", "max");
    private static final List<String> TARGET_KEYS = List.of("outcome", "value", "range", "weight", "scale");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String file;
    private final Locations locations = new Locations();
    private final List<Problem> problems = new ArrayList<>();

    private TargetsReader(String file) {
        this.file = file;
    }

    /** Reads and checks a targets file. */
    public static Targets read(Path path) throws TargetsException {
        String label = path.toString();
        try {
            if (!Files.isRegularFile(path)) {
                throw new TargetsException(label, Files.exists(path) ? "is not a regular file" : "no such file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new TargetsException(label, "is " + Files.size(path) + " bytes; a targets file may be at most "
                        + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(path);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new TargetsException(label, "is a binary file, not a YAML targets file");
                }
            }
            return parse(label, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TargetsException(label, "cannot read it: " + e.getMessage());
        }
    }

    /** Reads and checks targets given as text; {@code label} names them in messages. */
    public static Targets parse(String label, String text) throws TargetsException {
        return new TargetsReader(label).document(text);
    }

    private Targets document(String text) throws TargetsException {
        JsonNode root;
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = locations.read(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip().split("\\R", 2)[0];
            throw new TargetsException(file, where + "not valid YAML: " + reason);
        } catch (IOException e) {
            throw new TargetsException(file, "cannot read it: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new TargetsException(file, "must be a mapping with 'parameters' (what to fit) and 'targets' (what to "
                    + "match), got " + (root == null ? "an empty file" : show(root)));
        }
        checkKeys(root, "", TOP_KEYS);
        JsonNode description = root.path("description");
        if (!description.isMissingNode() && !description.isTextual()) {
            problem("description", "must be text, got " + show(description), root, "description");
        }
        List<Targets.Parameter> parameters = parameters(root);
        List<Targets.Target> targets = targets(root);
        if (!problems.isEmpty()) {
            throw new TargetsException(file, problems);
        }
        return new Targets(file, text, description.asText(""), parameters, targets);
    }

    private List<Targets.Parameter> parameters(JsonNode root) {
        List<Targets.Parameter> out = new ArrayList<>();
        JsonNode list = list(root, "parameters", "the parameters to fit, e.g. - {path: platform.take_rate, min: 0.05, "
                + "max: 0.5}");
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String name = "parameters[" + i + "]";
            if (!e.isObject()) {
                problem(name, "must be a mapping {path, min, max}, got " + show(e), list, i);
                continue;
            }
            checkKeys(e, name, PARAMETER_KEYS);
            String path = text(e, name, "path", list, i, "a scenario path as in --set, e.g. platform.take_rate");
            Double min = number(e, name, "min", list, i);
            Double max = number(e, name, "max", list, i);
            if (min != null && max != null && !(min < max)) {
                problem(name + ".min", "(" + Csv.number(min) + ") must be less than max (" + Csv.number(max) + ")",
                        e, "min");
            }
            if (path != null && !paths.add(path)) {
                problem(name + ".path", "'" + path + "' is listed twice; fit each parameter once", e, "path");
            }
            if (path != null && min != null && max != null) {
                Map<String, String> where = new LinkedHashMap<>();
                where.put("", locations.of(list, i));
                for (String key : PARAMETER_KEYS) {
                    where.put(key, locations.of(e, key));
                }
                out.add(new Targets.Parameter(path, min, max, where));
            }
        }
        return out;
    }

    private List<Targets.Target> targets(JsonNode root) {
        List<Targets.Target> out = new ArrayList<>();
        JsonNode list = list(root, "targets", "the outcomes to match, e.g. - {outcome: platform.platform_take, "
                + "value: 0.3}");
        Set<String> outcomes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String name = "targets[" + i + "]";
            if (!e.isObject()) {
                problem(name, "must be a mapping {outcome, value or range, weight, scale}, got " + show(e), list, i);
                continue;
            }
            checkKeys(e, name, TARGET_KEYS);
            Outcome outcome = outcome(e, name, list, i);
            double[] bounds = bounds(e, name, list, i);
            double weight = positive(e, name, "weight", 1);
            double scale = positive(e, name, "scale", Double.NaN);
            if (bounds != null && Double.isNaN(scale)) {
                scale = bounds[1] > bounds[0] ? bounds[1] - bounds[0] : Math.abs(bounds[0]);
                if (scale == 0) {
                    problem(name, "needs a 'scale' when the value is 0 (the distance that counts as one unit of "
                            + "misfit), e.g. scale: 0.05", list, i);
                }
            }
            if (outcome != null && !outcomes.add(outcome.label())) {
                problem(name + ".outcome", "'" + outcome.label() + "' is targeted twice; give each outcome one target",
                        e, "outcome");
            }
            if (outcome != null && bounds != null && scale > 0 && weight > 0) {
                out.add(new Targets.Target(outcome, bounds[0], bounds[1], weight, scale, locations.of(e, "outcome")));
            }
        }
        return out;
    }

    private Outcome outcome(JsonNode e, String name, JsonNode list, int i) {
        String text = text(e, name, "outcome", list, i, "ENTITY.METRIC, e.g. platform.platform_take");
        if (text == null) {
            return null;
        }
        try {
            return Outcome.parse(text);
        } catch (IllegalArgumentException bad) {
            int dot = text.lastIndexOf('.');
            String metric = dot < 0 ? text : text.substring(dot + 1);
            problem(name + ".outcome", bad.getMessage() + suggest(metric,
                    Arrays.stream(Metric.values()).map(Metric::key).toList()), e, "outcome");
            return null;
        }
    }

    /** {low, high}: a point gives {v, v}; null after reporting a problem. */
    private double[] bounds(JsonNode e, String name, JsonNode list, int i) {
        boolean point = e.has("value");
        boolean range = e.has("range");
        if (point == range) {
            problem(name, point ? "has both 'value' and 'range': give a point (value: 0.3) or a range (range: [0.4, 0.55])"
                    : "needs 'value' (a point, e.g. value: 0.3) or 'range' (e.g. range: [0.4, 0.55])", list, i);
            return null;
        }
        if (point) {
            Double v = number(e, name, "value", list, i);
            return v == null ? null : new double[] {v, v};
        }
        JsonNode r = e.get("range");
        if (!r.isArray() || r.size() != 2 || !finite(r.get(0)) || !finite(r.get(1))) {
            problem(name + ".range", "must be two numbers [low, high], got " + show(r), e, "range");
            return null;
        }
        double low = r.get(0).asDouble();
        double high = r.get(1).asDouble();
        if (!(low < high)) {
            problem(name + ".range", "low (" + Csv.number(low) + ") must be less than high (" + Csv.number(high)
                    + "); for a single number use value:", e, "range");
            return null;
        }
        return new double[] {low, high};
    }

    /** An optional number > 0, or {@code absent}; NaN after reporting a problem. */
    private double positive(JsonNode e, String name, String key, double absent) {
        JsonNode v = e.get(key);
        if (v == null) {
            return absent;
        }
        if (!finite(v) || !(v.asDouble() > 0)) {
            problem(name + "." + key, "must be a number > 0, got " + show(v), e, key);
            return Double.NaN;
        }
        return v.asDouble();
    }

    private JsonNode list(JsonNode root, String key, String example) {
        JsonNode list = root.get(key);
        if (list == null) {
            problem(key, "missing: list " + example, root, "");
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!list.isArray() || list.isEmpty()) {
            problem(key, "must be a non-empty list of " + example, root, key);
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        return list;
    }

    private String text(JsonNode e, String name, String key, JsonNode list, int i, String what) {
        JsonNode v = e.get(key);
        if (v == null) {
            problem(name, "missing '" + key + "': " + what, list, i);
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(name + "." + key, "must be " + what + ", got " + show(v), e, key);
            return null;
        }
        return v.asText().strip();
    }

    private Double number(JsonNode e, String name, String key, JsonNode list, int i) {
        JsonNode v = e.get(key);
        if (v == null) {
            problem(name, "missing '" + key + "' (a number)", list, i);
            return null;
        }
        if (!finite(v)) {
            problem(name + "." + key, "must be a number, got " + show(v), e, key);
            return null;
        }
        return v.asDouble();
    }

    private static boolean finite(JsonNode v) {
        return v != null && v.isNumber() && Double.isFinite(v.asDouble());
    }

    private void checkKeys(JsonNode object, String name, List<String> allowed) {
        object.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problem(name.isEmpty() ? key : name + "." + key, "unknown key" + suggest(key, allowed) + " (allowed: "
                        + String.join(", ", allowed) + ")", object, key);
            }
        });
    }

    private void problem(String path, String message, JsonNode container, Object key) {
        problems.add(new Problem(path, message, locations.of(container, key)));
    }

    /** "; did you mean 'x'?" for the closest of {@code choices}, or "". */
    static String suggest(String given, List<String> choices) {
        LevenshteinDistance distance = new LevenshteinDistance(MAX_SUGGESTION_DISTANCE);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String choice : choices) {
            int d = distance.apply(given, choice);
            if (d >= 0 && d < bestDistance) {
                best = choice;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static String show(JsonNode v) {
        return v.isTextual() ? "'" + v.asText() + "'" : v.toString();
    }
}
