package marketsim.scenario;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.scenario.input.Locations;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Section;
import marketsim.scenario.input.Suggestions;

/**
 * A place in a scenario document being read, by {@link Param}: each value is checked against its
 * parameter's type and range, and a bad one is reported (with the range and unit) through the
 * input toolkit's {@link Section}, which collects the problems, places them and reports unknown
 * keys on {@link #finish()}. A missing or bad value reads as the parameter's default, so reading
 * goes on and finds the next problem; a missing one is recorded in the complete copy of the
 * document when the node records one ({@link Section#fill}).
 */
final class Node {
    private final Section section;

    private Node(Section section) {
        this.section = section;
    }

    /** {@code json} at {@code path}; with {@code locations} null its problems have no line and column. */
    Node(JsonNode json, String path, List<Problem> problems, Node fallback, Locations locations) {
        this(new Section(json, path, "", problems, locations, fallback == null ? null : fallback.section));
    }

    Node(JsonNode json, String path, List<Problem> problems, Node fallback) {
        this(json, path, problems, fallback, null);
    }

    /** The root of {@code document}, recording every default read into {@code complete} (a deep copy of it). */
    static Node recording(JsonNode document, ObjectNode complete, List<Problem> problems, Locations locations) {
        return new Node(Section.recording(document, complete, problems, locations));
    }

    /**
     * This node's values read again as {@code json}, with {@code fallback} for keys it lacks and
     * problems going to {@code sink}; its defaults recorded where this node's are when {@code record}.
     */
    Node reread(JsonNode json, Node fallback, List<Problem> sink, boolean record) {
        return new Node(section.reread(json, fallback == null ? null : fallback.section, sink, record));
    }

    /** Records that the reader took {@code value}, a default, for {@code key}. */
    void fill(String key, JsonNode value) {
        section.fill(key, value);
    }

    String path() {
        return section.path();
    }

    JsonNode json() {
        return section.json();
    }

    Locations locations() {
        return section.locations();
    }

    /** Where this node's problems go. */
    List<Problem> problems() {
        return section.problems();
    }

    /** Declares {@code key} valid here without reading it (the caller reads it itself). */
    void markKnown(String key) {
        section.markKnown(key);
    }

    boolean has(String key) {
        return section.has(key);
    }

    String child(String key) {
        return section.child(key);
    }

    void problem(String where, String message) {
        section.problem(where, message);
    }

    double number(Param p) {
        Section.Value v = section.value(p.key());
        if (v == null) {
            return ((Number) taken(p)).doubleValue();
        }
        if (!v.json().isNumber()) {
            v.problem("must be a number in " + p.range() + unitSuffix(p) + ", got " + show(v.json()));
            return ((Number) p.defaultValue()).doubleValue();
        }
        double x = v.json().asDouble();
        if (Double.isInfinite(x) || Double.isNaN(x)) {
            // 1e999 and .inf read as infinity: say so rather than show "Infinity" as if it were written
            v.problem("must be a finite number in " + p.range() + unitSuffix(p) + ", got one "
                    + (Double.isNaN(x) ? "that is not a number" : "too large to represent (" + (x > 0 ? "+" : "-") + "infinity)"));
            return ((Number) p.defaultValue()).doubleValue();
        }
        if (!(x >= p.min() && x <= p.max())) {
            v.problem("(" + show(v.json()) + ") must be in " + p.range() + unitSuffix(p));
            // The run stops on the problem; reading goes on with the default so that no reader sizes
            // a loop or an array by an out-of-range value (a pool of 100,000,000 sellers).
            return ((Number) p.defaultValue()).doubleValue();
        }
        return x;
    }

    long integer(Param p) {
        Section.Value v = section.value(p.key());
        if (v == null) {
            return ((Number) taken(p)).longValue();
        }
        JsonNode value = v.json();
        if (value.isNumber() && !Double.isFinite(value.asDouble())) {
            v.problem("must be a whole number in " + p.range() + unitSuffix(p) + ", got one too large to represent ("
                    + (value.asDouble() > 0 ? "+" : "-") + "infinity)");
            return ((Number) p.defaultValue()).longValue();
        }
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
            return ((Number) p.defaultValue()).longValue();
        }
        return x;
    }

    boolean bool(Param p) {
        Section.Value v = section.value(p.key());
        if (v == null) {
            return (Boolean) taken(p);
        }
        if (!v.json().isBoolean()) {
            v.problem("must be true or false, got " + show(v.json()));
            return (Boolean) p.defaultValue();
        }
        return v.json().asBoolean();
    }

    String text(Param p) {
        Section.Value v = section.value(p.key());
        if (v == null) {
            return (String) taken(p);
        }
        if (!v.json().isTextual() && !v.json().isNumber()) {
            v.problem("must be text, got " + show(v.json()));
            return (String) p.defaultValue();
        }
        return v.json().asText();
    }

    /**
     * A required text value (a name): reports its absence, null included, and a blank one, which
     * would key results and random streams by "" and could not be told apart.
     */
    String requiredText(Param p) {
        Section.Value v = section.value(p.key());
        if (v == null) {
            problem(child(p.key()), "is required (" + p.description() + ")");
            return "";
        }
        if (v.json().isBoolean()) {
            // YAML reads an unquoted yes, no, on, off, true or false as a truth value
            v.problem("must be text, got " + v.json().asText() + " (YAML reads an unquoted yes, no, on or off as true "
                    + "or false): quote the name");
            return "";
        }
        String text = text(p);
        if (text.isBlank() && v.json().isTextual()) {
            v.problem("must not be empty (" + p.description() + ")");
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                // an escape ("\n", "\0") reaches file names, CSV cells and terminals as the raw character
                v.problem(String.format(java.util.Locale.ROOT, "must not hold a control character (U+%04X, at "
                        + "character %d of the name)", (int) c, i + 1));
                return "";
            }
        }
        return text;
    }

    /** One of {@code p}'s named choices; a wrong one is reported with the choices and the closest. */
    String choice(Param p) {
        Section.Value v = section.value(p.key());
        if (v == null) {
            return (String) taken(p);
        }
        String value = v.json().asText();
        if (!v.json().isTextual() || !p.choices().contains(value)) {
            v.problem("(" + show(v.json()) + ") must be one of " + p.range() + Suggestions.didYouMean(value, p.choices()));
            return (String) p.defaultValue();
        }
        return value;
    }

    /** The raw value of {@code key} here, else in the fallback, or null; marks the key known. */
    JsonNode raw(String key) {
        Section.Value v = section.value(key);
        return v == null ? null : v.json();
    }

    /** The mapping under {@code key} (see {@link Section#object}). */
    Node object(String key) {
        return new Node(section.object(key));
    }

    /** The mappings listed under {@code key}, each element's path named by {@code nameKey} when present. */
    List<Node> list(String key, String nameKey) {
        List<Node> out = new ArrayList<>();
        for (Section s : section.list(key, nameKey)) {
            out.add(new Node(s));
        }
        return out;
    }

    /** Reports keys present here that were never asked for. */
    void finish() {
        section.finish();
    }

    /** {@code p}'s default, recorded as taken. */
    private Object taken(Param p) {
        fill(p.key(), json(p.defaultValue()));
        return p.defaultValue();
    }

    /** A default value (a number, a truth value or text) as a document holds it. */
    static JsonNode json(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Integer || value instanceof Long) {
            return f.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return f.numberNode(n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.textNode(String.valueOf(value));
    }

    static String show(JsonNode value) {
        return Section.show(value);
    }

    private static String unitSuffix(Param p) {
        return p.unit().isEmpty() ? "" : " " + p.unit();
    }
}
