package marketsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import marketsim.format.OsReason;
import marketsim.scenario.input.Document;
import marketsim.scenario.input.InputException;
import marketsim.scenario.input.InputFiles;
import marketsim.scenario.input.Locations;
import marketsim.scenario.input.Problem;
import marketsim.scenario.input.Suggestions;

/**
 * Finds a scenario (a built-in name or a file path), parses it (YAML or JSON) with the input
 * toolkit ({@link marketsim.scenario.input}), resolves its {@code extends} chain into a
 * {@link ScenarioDocument}, and reads that with {@code --set} overrides. Every failure is a
 * {@link ScenarioException} whose message names the file and, where the parser knows them, line
 * and column.
 */
public final class ScenarioLoader {
    /** Names of the built-in scenarios, in the order {@code scenarios list} shows them. */
    public static final List<String> BUILT_IN = List.of("jeo-baseline", "platform-squeeze", "brand-on-platform",
            "tilt", "failure-demand", "customer-dominant", "disintermediation", "strategy-evolution", "moving-tastes",
            "platform-harvest", "marketplace-fees", "deep-focus", "classroom", "bench-reference");
    private static final String RESOURCE_DIR = "/marketsim/scenarios/";
    /** Larger files are refused before parsing: no real scenario comes near it. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    /** The key naming a distribution's kind ({@code dist: normal}). */
    private static final String DISTRIBUTION_KEY = "dist";
    /** Most levels of {@code extends}: a longer chain is surely a mistake. */
    private static final int MAX_EXTENDS_DEPTH = 16;

    private ScenarioLoader() {
    }

    /** Loads a built-in scenario by name or a scenario file by path, with overrides applied. */
    public static Scenario load(String nameOrPath, List<String> overrides) throws ScenarioException {
        return document(nameOrPath).read(overrides);
    }

    public static Scenario load(String nameOrPath) throws ScenarioException {
        return load(nameOrPath, List.of());
    }

    /**
     * A built-in scenario or a scenario file, parsed and resolved once, to be read with
     * different overrides many times (calibration candidates).
     */
    public static ScenarioDocument document(String nameOrPath) throws ScenarioException {
        return resolved(locate(nameOrPath, null));
    }

    /**
     * Loads a scenario from its text (YAML), named {@code name}, with overrides applied: for
     * scenarios that ship inside the tool rather than in the library, such as the validation
     * checks' markets. It may extend a built-in scenario.
     */
    public static Scenario loadText(String name, String text, List<String> overrides) throws ScenarioException {
        return resolved(new Source(name, name, text, false, null)).read(overrides);
    }

    /** What the scenario's opening comments tell its reader ({@link Story}), {@code description} for a missing question. */
    public static Story story(String nameOrPath, String description) throws ScenarioException {
        Source source = locate(nameOrPath, null);
        return Story.of(source.name(), source.text(), description);
    }

    /** The text of a built-in scenario file. */
    public static String builtInText(String name) throws ScenarioException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
            if (in == null) {
                throw new ScenarioException(name, "no built-in scenario named '" + name + "'"
                        + Suggestions.didYouMean(name, BUILT_IN) + "; built-in: " + String.join(", ", BUILT_IN));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(name, "cannot read built-in scenario: " + e.getMessage());
        }
    }

    private static ScenarioDocument resolved(Source source) throws ScenarioException {
        Document document = parse(source);
        resolve(source, document, new ArrayList<>());
        return new ScenarioDocument(source.name(), source.label(), document);
    }

    /**
     * If {@code document} (parsed from {@code source}) {@code extends} another scenario (a
     * built-in name, or a path relative to this file's folder), merges it over that one in place:
     * mappings merge key by key, lists of named elements merge element by name (new names are
     * appended), a distribution of another kind ({@code dist}) replaces the base's, anything else is
     * replaced. Values taken from the base carry no line and column.
     */
    private static void resolve(Source source, Document document, List<String> chain) throws ScenarioException {
        if (!(document.root() instanceof ObjectNode object) || !object.has("extends")) {
            return;
        }
        List<Problem> repeated = new ArrayList<>();
        repeatedNames(object, "", document.locations(), repeated);
        if (!repeated.isEmpty()) {
            throw new ScenarioException(source.label(), repeated);
        }
        String where = document.locations().of(object, "extends");
        JsonNode parentName = object.remove("extends");
        if (!parentName.isTextual() || parentName.asText().isBlank()) {
            throw new ScenarioException(source.label(), List.of(new Problem("extends",
                    "must name a built-in scenario or a scenario file, got " + Node.show(parentName), where)));
        }
        chain.add(source.key());
        if (chain.size() > MAX_EXTENDS_DEPTH) {
            throw new ScenarioException(source.label(), "extends chain longer than " + MAX_EXTENDS_DEPTH + ": "
                    + String.join(" -> ", chain));
        }
        Source parent;
        try {
            parent = locate(parentName.asText(), source.folder());
        } catch (ScenarioException missing) {
            throw new ScenarioException(source.label(), List.of(new Problem("extends", "'" + parentName.asText()
                    + "': " + missing.problems().get(0).message()
                    + (source.folder() == null ? "" : " (looked in " + source.folder() + ")"), where)));
        }
        if (chain.contains(parent.key())) {
            throw new ScenarioException(source.label(), "extends goes round in a circle: "
                    + String.join(" -> ", chain) + " -> " + parent.key());
        }
        Document base = parse(parent);
        resolve(parent, base, chain);
        if (!(base.root() instanceof ObjectNode baseObject)) {
            throw new ScenarioException(source.label(), "extends " + parent.label() + ", which is not a scenario mapping");
        }
        merge(object, baseObject);
    }

    /**
     * Reports every element of a named list (firms, segments, seller pools) whose name an earlier
     * element of the same list already has, at its line and column. Merging by name would keep one
     * of the two and drop the other without a word, so in a file that extends another this is
     * checked before merging; a file that extends nothing has its duplicates reported by the reader.
     */
    private static void repeatedNames(JsonNode node, String path, Locations locations, List<Problem> out) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> repeatedNames(e.getValue(), path.isEmpty() ? e.getKey()
                    : path + "." + e.getKey(), locations, out));
        } else if (node instanceof ArrayNode array) {
            boolean named = named(array);
            Map<String, Integer> first = new HashMap<>();
            for (int k = 0; k < array.size(); k++) {
                String name = named ? array.get(k).get("name").asText() : "";
                String label = name.isBlank() ? Integer.toString(k) : name;
                Integer earlier = name.isBlank() ? null : first.putIfAbsent(name, k); // blank: the reader says so
                if (earlier != null) {
                    String noun = path.substring(path.lastIndexOf('.') + 1).replace('_', ' ').replaceFirst("s$", "");
                    out.add(new Problem(path + "[" + label + "]", "duplicate " + noun + " name '" + label
                            + "' (first at " + locations.of(array, earlier) + "); give each name once, with "
                            + "every key to change", locations.of(array, k)));
                }
                repeatedNames(array.get(k), path + "[" + label + "]", locations, out);
            }
        }
    }

    /** Completes {@code child} with what {@code base} has and it lacks (child values win). */
    private static void merge(ObjectNode child, ObjectNode base) {
        List<String> order = new ArrayList<>();
        base.fieldNames().forEachRemaining(order::add);
        for (String key : order) {
            JsonNode b = base.get(key);
            JsonNode c = child.get(key);
            if (c == null) {
                child.set(key, b.deepCopy());
            } else if (c.isObject() && b.isObject() && !otherDistribution(c, b)) {
                merge((ObjectNode) c, (ObjectNode) b);
            } else if (c.isArray() && b.isArray() && named(c) && named(b)) {
                mergeNamed((ArrayNode) c, (ArrayNode) b);
            }
        }
    }

    /**
     * True when {@code child} and {@code base} are distributions of different kinds: the child's
     * replaces the base's whole (a lognormal's {@code median} means nothing to a normal); a child
     * of the same kind merges, so {@code {dist: normal, sd: 0.2}} keeps the base's mean.
     */
    private static boolean otherDistribution(JsonNode child, JsonNode base) {
        return child.has(DISTRIBUTION_KEY) && base.has(DISTRIBUTION_KEY)
                && !child.get(DISTRIBUTION_KEY).equals(base.get(DISTRIBUTION_KEY));
    }

    private static boolean named(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isObject() || !e.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Base elements in base order, each completed by the child's element of that name; then the child's new ones. */
    private static void mergeNamed(ArrayNode child, ArrayNode base) {
        List<JsonNode> merged = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (JsonNode b : base) {
            String name = b.get("name").asText();
            JsonNode match = null;
            for (JsonNode c : child) {
                if (c.get("name").asText().equals(name)) {
                    match = c;
                }
            }
            if (match == null) {
                merged.add(b.deepCopy());
            } else {
                merge((ObjectNode) match, (ObjectNode) b);
                merged.add(match);
                used.add(name);
            }
        }
        for (JsonNode c : child) {
            if (!used.contains(c.get("name").asText())) {
                merged.add(c);
            }
        }
        child.removeAll();
        child.addAll(merged);
    }

    private record Source(String name, String label, String text, boolean json, Path folder) {
        /** The same key for the same file however it was named: its absolute path, or the built-in name. */
        String key() {
            return folder == null ? label : folder.resolve(Path.of(label).getFileName()).toString();
        }
    }

    /** A built-in name, or a path (relative to {@code folder} when given). */
    private static Source locate(String nameOrPath, Path folder) throws ScenarioException {
        Path given;
        try {
            given = InputFiles.path(nameOrPath);
        } catch (InputException e) {
            throw new ScenarioException(e);
        }
        Path path = folder == null ? given : folder.resolve(given);
        boolean looksLikeFile = nameOrPath.contains("/") || nameOrPath.contains("\\")
                || nameOrPath.matches(".*\\.(ya?ml|json)$");
        if (Files.isRegularFile(path)) {
            return readFile(path, folder == null ? nameOrPath : path.toString());
        }
        String link = OsReason.brokenLink(path);
        if (!looksLikeFile && BUILT_IN.contains(nameOrPath) && Files.isDirectory(path)) {
            // a folder of the same name (the checkout's classroom module, a results folder) is not a scenario file
            return new Source(nameOrPath, "built-in " + nameOrPath, builtInText(nameOrPath), false, null);
        }
        if (looksLikeFile || Files.exists(path) || link != null) {
            throw new ScenarioException(nameOrPath, link != null ? "is " + link : Files.exists(path)
                    ? "is not a regular file" : "no such file");
        }
        if (!BUILT_IN.contains(nameOrPath)) {
            throw new ScenarioException(nameOrPath, "no built-in scenario or file named '" + nameOrPath + "'"
                    + Suggestions.didYouMean(nameOrPath, BUILT_IN) + "; built-in: " + String.join(", ", BUILT_IN));
        }
        return new Source(nameOrPath, "built-in " + nameOrPath, builtInText(nameOrPath), false, null);
    }

    private static Source readFile(Path path, String label) throws ScenarioException {
        String text;
        try {
            text = InputFiles.read(path, label, "scenario", MAX_BYTES);
        } catch (InputException e) {
            throw new ScenarioException(e);
        }
        String fileName = path.getFileName().toString();
        String name = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
        return new Source(name, label, text, json, path.toAbsolutePath().getParent());
    }

    private static Document parse(Source source) throws ScenarioException {
        try {
            return Document.parse(source.label(), source.text(), source.json());
        } catch (InputException e) {
            throw new ScenarioException(e);
        }
    }
}
