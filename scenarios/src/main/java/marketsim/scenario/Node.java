package marketsim.scenario;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A place in a scenario document being read: values are taken by {@link Param}, checked against
 * its type and range, and every problem is added to the shared list instead of thrown, so one
 * reading reports them all. A node may have a fallback (a firm's archetype bundle) consulted for
 * keys it lacks. {@link #finish()} reports keys nobody asked for, with the closest known key.
 */
final class Node {
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private final JsonNode json;
    private final String path;
    private final List<Problem> problems;
    private final Node fallback;
    private final Locations locations;
    private final Set<String> asked = new LinkedHashSet<>();

    Node(JsonNode json, String path, List<Problem> problems, Node fallback) {
        this(json, path, problems, fallback, null);
    }

    Node(JsonNode json, String path, List<Problem> problems, Node fallback, Locations locations) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.path = path;
        this.problems = problems;
        this.fallback = fallback;
        this.locations = locations;
    }

    private String location(Object key) {
        return locations == null ? "" : locations.of(json, key);
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    /** Declares {@code key} valid here without reading it (the caller reads it itself). */
    void markKnown(String key) {
        asked.add(key);
    }

    boolean has(String key) {
        return json.has(key) || (fallback != null && fallback.has(key));
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String where, String message) {
        problems.add(new Problem(where, message));
    }

    /** The raw value of {@code key} here or in the fallback, or null; marks the key as known. */
    private Located lookup(String key) {
        asked.add(key);
        JsonNode v = json.get(key);
        if (v != null && !v.isNull()) {
            return new Located(v, child(key), this, location(key));
        }
        return fallback == null ? null : fallback.lookup(key);
    }

    private record Located(JsonNode value, String path, Node owner, String location) {
        void problem(String message) {
            owner.problems.add(new Problem(path, message, location));
        }
    }

    double number(Param p) {
        Located v = lookup(p.key());
        if (v == null) {
            return ((Number) p.defaultValue()).doubleValue();
        }
        if (!v.value().isNumber()) {
            v.problem("must be a number in " + p.range() + unitSuffix(p) + ", got " + show(v.value()));
            return ((Number) p.defaultValue()).doubleValue();
        }
        double x = v.value().asDouble();
        if (!(x >= p.min() && x <= p.max())) {
            v.problem("(" + show(v.value()) + ") must be in " + p.range() + unitSuffix(p));
        }
        return x;
    }

    long integer(Param p) {
        Located v = lookup(p.key());
        if (v == null) {
            return ((Number) p.defaultValue()).longValue();
        }
        JsonNode value = v.value();
        boolean integral = value.isIntegralNumber()
                || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
        if (!integral || !value.canConvertToLong()) {
            v.problem("must be a whole number" + (p.min() <= Long.MIN_VALUE ? "" : " in " + p.range() + unitSuffix(p))
                    + ", got " + show(value));
            return ((Number) p.defaultValue()).longValue();
        }
        long x = value.asLong();
        if (x < p.min() || x > p.max()) {
            v.problem("(" + x + ") must be in " + p.range() + unitSuffix(p));
        }
        return x;
    }

    boolean bool(Param p) {
        Located v = lookup(p.key());
        if (v == null) {
            return (Boolean) p.defaultValue();
        }
        if (!v.value().isBoolean()) {
            v.problem("must be true or false, got " + show(v.value()));
            return (Boolean) p.defaultValue();
        }
        return v.value().asBoolean();
    }

    String text(Param p) {
        Located v = lookup(p.key());
        if (v == null) {
            return (String) p.defaultValue();
        }
        if (!v.value().isTextual() && !v.value().isNumber()) {
            v.problem("must be text, got " + show(v.value()));
            return (String) p.defaultValue();
        }
        return v.value().asText();
    }

    /** A required text value: reports its absence. */
    String requiredText(Param p) {
        if (!has(p.key())) {
            problem(child(p.key()), "is required (" + p.description() + ")");
            asked.add(p.key());
            return "";
        }
        return text(p);
    }

    String choice(Param p) {
        Located v = lookup(p.key());
        if (v == null) {
            return (String) p.defaultValue();
        }
        String value = v.value().asText();
        if (!v.value().isTextual() || !p.choices().contains(value)) {
            v.problem("(" + show(v.value()) + ") must be one of " + p.range() + suggest(value, p.choices()));
            return (String) p.defaultValue();
        }
        return value;
    }

    Locations locations() {
        return locations;
    }

    /** The raw value of {@code key} here, else in the fallback, or null; marks the key known. */
    JsonNode raw(String key) {
        Located v = lookup(key);
        return v == null ? null : v.value();
    }

    /**
     * The object under {@code key} (empty if absent or {@code true}), with the fallback's object
     * as its fallback.
     */
    Node object(String key) {
        asked.add(key);
        JsonNode v = json.get(key);
        if (v != null && v.isBoolean() && v.asBoolean()) {
            v = null;
        }
        if (v != null && !v.isNull() && !v.isObject()) {
            problem(child(key), "must be a mapping of keys to values, got " + show(v));
            v = null;
        }
        Node fb = fallback == null ? null : fallback.object(key);
        return new Node(v, child(key), problems, fb, locations);
    }

    /** The list under {@code key}, each element's path named by {@code nameKey} when present. */
    List<Node> list(String key, String nameKey) {
        asked.add(key);
        JsonNode v = json.get(key);
        List<Node> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problem(child(key), "must be a list, got " + show(v));
            return out;
        }
        for (int k = 0; k < v.size(); k++) {
            JsonNode element = v.get(k);
            String label = element.hasNonNull(nameKey) && element.get(nameKey).isValueNode()
                    ? element.get(nameKey).asText() : String.valueOf(k);
            String elementPath = child(key) + "[" + label + "]";
            if (!element.isObject()) {
                String at = locations == null ? "" : locations.of(v, k);
                problems.add(new Problem(elementPath, "must be a mapping of keys to values, got " + show(element), at));
                continue;
            }
            out.add(new Node(element, elementPath, problems, null, locations));
        }
        return out;
    }

    /** Reports keys present here that were never asked for. */
    void finish() {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!asked.contains(name)) {
                problems.add(new Problem(child(name), "unknown key" + suggest(name, asked)
                        + (asked.isEmpty() ? "" : " (known here: " + String.join(", ", asked) + ")"), location(name)));
            }
        }
    }

    static String suggest(String value, Iterable<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance.apply(value.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null || bestDistance > Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, value.length() / 2))) {
            return "";
        }
        return " (did you mean '" + best + "'?)";
    }

    static String show(JsonNode value) {
        String s = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String unitSuffix(Param p) {
        return p.unit().isEmpty() ? "" : " " + p.unit();
    }
}
