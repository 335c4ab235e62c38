package marketsim.results.optimization;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import marketsim.scenario.Scenario;
import marketsim.scenario.ScenarioException;
import marketsim.scenario.ScenarioLoader;

/**
 * A scenario written as what differs from the one it extends: {@code extends: INPUT} (a built-in name, or the
 * input file's absolute path) and only the values the candidate changes (the {@code --set} overrides and the
 * levers), merged as scenario files merge (mappings key by key, named elements by name). The text is checked by
 * reading it back: if it does not give the candidate's scenario exactly (a list without names cannot be merged
 * element by element), the whole resolved scenario is written instead, so the file always runs as the candidate.
 */
final class ScenarioFile {
    private ScenarioFile() {
    }

    /**
     * The YAML of {@code candidate} as a file extending {@code input} (read as {@code plain}, without overrides),
     * after the comment lines of {@code header}.
     */
    static String write(String input, Scenario plain, Scenario candidate, String header) throws ScenarioException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode diff = JsonNodeFactory.instance.objectNode();
        diff.put("extends", parent(input));
        ObjectNode changed = difference(plain.document(), candidate.document());
        changed.remove("extends");
        diff.setAll(changed);
        try {
            String text = header + yaml.writeValueAsString(diff);
            Scenario back = ScenarioLoader.loadText(candidate.name(), text, java.util.List.of());
            if (back.complete().equals(candidate.complete())) {
                return text;
            }
            return header + "# (written whole: its changes could not be expressed over " + input + ")\n"
                    + yaml.writeValueAsString(candidate.complete());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario document is always YAML", e);
        }
    }

    /** What {@code extends} names: a built-in name as it is, a file by its absolute path. */
    static String parent(String input) {
        try {
            Path path = Path.of(input);
            return Files.isRegularFile(path) ? path.toAbsolutePath().normalize().toString() : input;
        } catch (InvalidPathException e) {
            return input;
        }
    }

    /** The keys and named elements of {@code after} that differ from {@code before}. */
    static ObjectNode difference(JsonNode before, JsonNode after) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = after.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode old = before == null ? null : before.get(f.getKey());
            JsonNode now = f.getValue();
            if (Objects.equals(old, now)) {
                continue;
            }
            if (old != null && old.isObject() && now.isObject()) {
                out.set(f.getKey(), difference(old, now));
            } else if (old != null && old.isArray() && now.isArray() && named(old) && named(now)) {
                out.set(f.getKey(), namedDifference((ArrayNode) old, (ArrayNode) now));
            } else {
                out.set(f.getKey(), now.deepCopy());
            }
        }
        return out;
    }

    /** The elements of {@code after} that differ from {@code before}'s of the same name: each its name and changes. */
    private static ArrayNode namedDifference(ArrayNode before, ArrayNode after) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : after) {
            JsonNode old = null;
            for (JsonNode candidate : before) {
                if (candidate.path("name").equals(element.path("name"))) {
                    old = candidate;
                }
            }
            if (old == null) {
                out.add(element.deepCopy());
            } else if (!old.equals(element)) {
                ObjectNode changed = JsonNodeFactory.instance.objectNode();
                changed.set("name", element.get("name"));
                changed.setAll(difference(old, element));
                out.add(changed);
            }
        }
        return out;
    }

    /** Whether every element is a mapping with a name: a list scenario files merge by name. */
    private static boolean named(JsonNode list) {
        for (JsonNode e : list) {
            if (!e.isObject() || !e.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }
}
