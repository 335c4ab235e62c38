package marketsim.scenario.input;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A mapping of an input document being read. Its reader takes values by key and, when one is
 * wrong, adds a {@link Problem} to the shared list instead of throwing, so one reading reports
 * them all, each at its path ({@code firms[brand-a].markup}, {@code targets[2].range}) and, when
 * the value came from the file being read, its line and column. {@link #finish()} reports the
 * keys nobody asked for, with the closest known one.
 *
 * <p>A section may have a fallback (a firm's archetype bundle) consulted for keys it lacks; a
 * problem with a value found there goes to the fallback's own list.
 *
 * <p>A section may also record into a complete copy of its document: every default its reader
 * takes ({@link #fill}) is written there at the same path, so the copy lists every value the
 * reading used and reads back the same without relying on any default.
 */
public final class Section {
    private final JsonNode json;
    private final String path;
    private final String location;
    private final List<Problem> problems;
    private final Locations locations;
    private final Section fallback;
    private final Set<String> asked = new LinkedHashSet<>();
    /** This section's mapping in the complete copy, made on first use; null when not recording. */
    private final Supplier<ObjectNode> complete;

    /**
     * The mapping {@code json} (absent when null) at {@code path}, sitting at {@code location}
     * ("" if unknown) in its file; {@code locations} is null when its values did not come from
     * the file being read.
     */
    public Section(JsonNode json, String path, String location, List<Problem> problems, Locations locations,
                   Section fallback) {
        this(json, path, location, problems, locations, fallback, null);
    }

    private Section(JsonNode json, String path, String location, List<Problem> problems, Locations locations,
                    Section fallback, Supplier<ObjectNode> complete) {
        this.complete = complete;
        this.json = json == null ? MissingNode.getInstance() : json;
        this.path = path;
        this.location = location;
        this.problems = problems;
        this.locations = locations;
        this.fallback = fallback;
    }

    /**
     * The mapping {@code json} (the root of its document) recording every default read into
     * {@code complete}, a deep copy of it.
     */
    public static Section recording(JsonNode json, ObjectNode complete, List<Problem> problems, Locations locations) {
        return new Section(json, "", "", problems, locations, null, () -> complete);
    }

    /**
     * This section's values read again as {@code json} (this section's mapping, or a mapping made
     * from it), with {@code fallback} for the keys it lacks and problems going to {@code sink};
     * recording into this section's complete copy when {@code record}.
     */
    public Section reread(JsonNode json, Section fallback, List<Problem> sink, boolean record) {
        return new Section(json, path, "", sink, locations, fallback, record ? complete : null);
    }

    /**
     * Records that the reader took {@code value}, the default, for {@code key}: written into the
     * complete copy (if this section records one).
     */
    public void fill(String key, JsonNode value) {
        if (complete != null) {
            complete.get().set(key, value);
        }
    }

    /** The whole of {@code document}, its problems going to {@code problems}. */
    public static Section root(Document document, List<Problem> problems) {
        return new Section(document.root(), "", "", problems, document.locations(), null);
    }

    /** A value found under a key: where it is, so that a problem with it can be placed. */
    public record Value(JsonNode json, String path, String location, Section owner) {
        public void problem(String message) {
            owner.problems.add(new Problem(path, message, location));
        }
    }

    public String path() {
        return path;
    }

    public JsonNode json() {
        return json;
    }

    /** Where this section stands in its file ("line L, column C"), or "". */
    public String location() {
        return location;
    }

    /** Where the value under {@code key} stands in the file, or "". */
    public String location(Object key) {
        return locations == null ? "" : locations.of(json, key);
    }

    public List<Problem> problems() {
        return problems;
    }

    public Locations locations() {
        return locations;
    }

    /** The path of {@code key} here. */
    public String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Declares keys valid here without reading them (the caller reads them itself, or not at all). */
    public void markKnown(String... keys) {
        asked.addAll(List.of(keys));
    }

    /** Whether {@code key} is here or in the fallback. */
    public boolean has(String key) {
        return json.has(key) || (fallback != null && fallback.has(key));
    }

    /** A problem at {@code where}, with no line and column (a rule between values, or a missing one). */
    public void problem(String where, String message) {
        problems.add(new Problem(where, message));
    }

    /** A problem at {@code where}, placed at {@code at} ("line L, column C", or ""). */
    public void problem(String where, String message, String at) {
        problems.add(new Problem(where, message, at));
    }

    /** A problem with the value under {@code key} here, at its line and column. */
    public void problemAt(String key, String message) {
        problems.add(new Problem(child(key), message, location(key)));
    }

    /** The value of {@code key} here or in the fallback, or null (absent or null); marks the key as known. */
    public Value value(String key) {
        asked.add(key);
        JsonNode v = json.get(key);
        if (v != null && !v.isNull()) {
            return new Value(v, child(key), location(key), this);
        }
        return fallback == null ? null : fallback.value(key);
    }

    /**
     * The mapping under {@code key} (empty if absent or {@code true}, which switches a feature on
     * with its defaults), with the fallback's mapping as its fallback.
     */
    public Section object(String key) {
        asked.add(key);
        JsonNode v = json.get(key);
        if (v != null && v.isBoolean() && v.asBoolean()) {
            v = null;
        }
        if (v != null && !v.isNull() && !v.isObject()) {
            problem(child(key), "must be a mapping of keys to values, got " + show(v));
            v = null;
        }
        Section fb = fallback == null ? null : fallback.object(key);
        return new Section(v, child(key), location(key), problems, locations, fb, childMapping(key));
    }

    /**
     * The mappings listed under {@code key} (none if absent), each at {@code key[name]} when it
     * has a {@code nameKey} value, else at {@code key[index]}; elements that are not mappings are
     * reported and skipped.
     */
    public List<Section> list(String key, String nameKey) {
        return list(key, nameKey, "of keys to values");
    }

    /**
     * As {@link #list(String, String)}, an element that is not a mapping reported as "must be a
     * mapping {@code shape}" ({@code {path, min, max}}).
     */
    public List<Section> list(String key, String nameKey, String shape) {
        asked.add(key);
        JsonNode v = json.get(key);
        List<Section> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problem(child(key), "must be a list, got " + show(v));
            return out;
        }
        for (int k = 0; k < v.size(); k++) {
            JsonNode element = v.get(k);
            String label = nameKey != null && element.hasNonNull(nameKey) && element.get(nameKey).isValueNode()
                    && !element.get(nameKey).asText().isBlank() ? element.get(nameKey).asText() : String.valueOf(k);
            String elementPath = child(key) + "[" + InputException.printable(label).replace("\n", "\\n")
                    .replace("\t", "\\t") + "]"; // a name's control characters, escaped in its path
            String at = locations == null ? "" : locations.of(v, k);
            if (!element.isObject()) {
                problems.add(new Problem(elementPath, "must be a mapping " + shape + ", got " + show(element), at));
                continue;
            }
            out.add(new Section(element, elementPath, at, problems, locations, null, listElement(key, k)));
        }
        return out;
    }

    /** The complete copy's mapping under {@code key} here, made when first written (replacing a {@code true}). */
    private Supplier<ObjectNode> childMapping(String key) {
        if (complete == null) {
            return null;
        }
        return () -> {
            ObjectNode parent = complete.get();
            return parent.get(key) instanceof ObjectNode mapping ? mapping : parent.putObject(key);
        };
    }

    /** The complete copy's element {@code k} of the list under {@code key} here (a mapping, as in the document). */
    private Supplier<ObjectNode> listElement(String key, int k) {
        if (complete == null) {
            return null;
        }
        return () -> (ObjectNode) complete.get().get(key).get(k);
    }

    /** Reports keys present here that were never asked for, with the closest known key. */
    public void finish() {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!asked.contains(name)) {
                problems.add(new Problem(child(name), "unknown key" + Suggestions.didYouMean(name, asked)
                        + (asked.isEmpty() ? "" : " (known here: " + String.join(", ", asked) + ")"), location(name)));
            }
        }
    }

    /** A value as a message quotes it: text in quotes, anything else as JSON, cut at 60 characters. */
    public static String show(JsonNode value) {
        String s = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
