package marketsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import marketsim.scenario.input.Document;
import marketsim.scenario.input.InputException;
import marketsim.scenario.input.Locations;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Suggestions;

/**
 * {@code --set path=value} overrides on a parsed document. A path is keys separated by dots;
 * a list element is addressed by index ({@code segments[0]}) or by its name
 * ({@code firms[brand-a].markup}). The value is read as YAML, as a file is ({@link Document}: no
 * anchors, aliases or tags), so {@code 0.25}, {@code true},
 * {@code [1, 2]} and {@code {dist: normal, mean: 1, sd: 0.1}} all work. Missing keys of
 * mappings are created (the reader then reports them if they are unknown).
 */
public final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_\\-]+)(?:\\[([^\\]]+)\\])?");
    private static final String NOT_YAML = "not valid YAML: ";

    private Overrides() {
    }

    static void apply(String source, JsonNode document, Locations locations, List<String> overrides)
            throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        for (String override : overrides) {
            String where = "--set " + override;
            int eq = override.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(where, "must look like path=value, e.g. firms[brand-a].markup=0.5"));
                continue;
            }
            if (!(document instanceof ObjectNode root)) {
                return; // the reader reports what the document is instead
            }
            String error = set(root, override.substring(0, eq).trim(), override.substring(eq + 1).trim(), locations,
                    where);
            if (error != null) {
                problems.add(new Problem(where, error));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
    }

    /**
     * The value at {@code path} (as in {@code --set}) of {@code document}, or null where the
     * document has none (a value left to its default, or inherited from an archetype): a
     * calibration starts from the scenario's own value of a parameter when it has one.
     */
    public static JsonNode valueAt(JsonNode document, String path) {
        JsonNode current = document;
        for (String part : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches() || !(current instanceof ObjectNode object)) {
                return null;
            }
            JsonNode next = object.get(m.group(1));
            if (m.group(2) != null) {
                int index = next instanceof ArrayNode array ? find(array, m.group(2)) : -1;
                next = index < 0 ? null : next.get(index);
            }
            if (next == null || next.isNull()) {
                return null;
            }
            current = next;
        }
        return current;
    }

    /**
     * Why {@code path} cannot address a value, or null: an empty part ({@code ..}, a leading or
     * trailing dot) would otherwise be dropped by the split, so {@code horizon.} set the horizon and
     * {@code ..} set nothing at all.
     */
    public static String pathProblem(String path) {
        for (String part : path.split("\\.", -1)) {
            if (part.isBlank()) {
                return "the path has an empty part: keys are joined by single dots, e.g. firms[brand-a].markup";
            }
        }
        return null;
    }

    /** Sets one value; returns an error message or null. */
    private static String set(ObjectNode root, String path, String text, Locations locations, String flag) {
        String badPath = pathProblem(path);
        if (badPath != null) {
            return badPath;
        }
        if (text.indexOf('\uFFFD') >= 0) {
            // the JVM decodes arguments in the terminal's encoding and replaces what is not text
            return "value '" + text + "' holds bytes that are not text in this terminal's encoding ("
                    + System.getProperty("sun.jnu.encoding", "unknown") + "), shown as U+FFFD; write it in "
                    + "that encoding, or put it in a scenario file saved as UTF-8";
        }
        JsonNode value;
        try {
            value = text.isEmpty() ? TextNode.valueOf("") : Document.parse("--set", text, false).root();
        } catch (InputException e) {
            // read as a file is (no aliases, tags or second documents); a one-line value needs no line number
            String reason = e.problems().get(0).message();
            if (!text.contains("\n")) {
                reason = reason.replaceFirst("^line 1, column \\d+: ", "");
            }
            return reason.startsWith(NOT_YAML) ? "value '" + text + "' is not valid YAML ("
                    + reason.substring(NOT_YAML.length()) + ")" : "value '" + text + "': " + reason;
        }
        String[] parts = path.split("\\.");
        JsonNode current = root;
        for (int k = 0; k < parts.length; k++) {
            Matcher m = SEGMENT.matcher(parts[k]);
            if (!m.matches()) {
                return "path segment '" + parts[k] + "' is not a key or key[index-or-name]";
            }
            String key = m.group(1);
            String selector = m.group(2);
            boolean lastPart = k == parts.length - 1;
            if (!(current instanceof ObjectNode object)) {
                return "'" + String.join(".", java.util.Arrays.copyOf(parts, k)) + "' is not a mapping";
            }
            if (selector == null) {
                if (lastPart) {
                    object.set(key, value);
                    locations.setBy(object, key, flag); // a problem with the value is placed at the flag
                    return null;
                }
                JsonNode next = object.get(key);
                if (next == null || next.isNull()) {
                    next = object.putObject(key);
                }
                current = next;
                continue;
            }
            JsonNode list = object.get(key);
            if (!(list instanceof ArrayNode array)) {
                return "'" + key + "' is not a list";
            }
            int index = find(array, selector);
            if (index < 0) {
                List<String> names = new ArrayList<>();
                array.forEach(e -> names.add(e.path("name").asText()));
                return "no element '" + selector + "' in " + key + Suggestions.didYouMean(selector, names)
                        + " (elements: " + String.join(", ", names) + ")";
            }
            if (lastPart) {
                array.set(index, value);
                locations.setBy(array, index, flag);
                return null;
            }
            current = array.get(index);
        }
        return null;
    }

    private static int find(ArrayNode array, String selector) {
        for (int k = 0; k < array.size(); k++) {
            if (selector.equals(array.get(k).path("name").asText(null))) {
                return k;
            }
        }
        if (selector.matches("\\d+")) {
            int index = Integer.parseInt(selector);
            return index < array.size() ? index : -1;
        }
        return -1;
    }
}
