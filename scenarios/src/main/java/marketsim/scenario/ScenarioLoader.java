package marketsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Finds a scenario (a built-in name or a file path), parses it (YAML or JSON), applies
 * {@code --set} overrides and reads it. Every failure is a {@link ScenarioException} whose
 * message names the file and, where the parser knows them, line and column.
 */
public final class ScenarioLoader {
    /** Names of the built-in scenarios, in the order {@code scenarios list} shows them. */
    public static final List<String> BUILT_IN = List.of("jeo-baseline", "platform-squeeze", "brand-on-platform",
            "tilt", "failure-demand", "customer-dominant", "disintermediation", "strategy-evolution", "classroom", "bench-reference");
    private static final String RESOURCE_DIR = "/marketsim/scenarios/";
    /** Larger files are refused before parsing: no real scenario comes near it. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final ObjectMapper YAML = new YAMLMapper().enable(
            com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON = new ObjectMapper().enable(
            com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ScenarioLoader() {
    }

    /** Loads a built-in scenario by name or a scenario file by path, with overrides applied. */
    public static Scenario load(String nameOrPath, List<String> overrides) throws ScenarioException {
        Source source = locate(nameOrPath, null);
        Locations locations = new Locations();
        JsonNode document = resolve(source, locations, new java.util.ArrayList<>());
        Overrides.apply(source.label(), document, overrides);
        try {
            return ScenarioReader.read(source.name(), source.label(), document, locations);
        } catch (ScenarioException e) {
            throw blameOverrides(e, overrides);
        }
    }

    /**
     * Loads a scenario from its text (YAML), named {@code name}, with overrides applied: for
     * scenarios that ship inside the tool rather than in the library, such as the validation
     * checks' markets. It may extend a built-in scenario.
     */
    public static Scenario loadText(String name, String text, List<String> overrides) throws ScenarioException {
        Source source = new Source(name, name, text, false, null);
        Locations locations = new Locations();
        JsonNode document = resolve(source, locations, new java.util.ArrayList<>());
        Overrides.apply(source.label(), document, overrides);
        try {
            return ScenarioReader.read(source.name(), source.label(), document, locations);
        } catch (ScenarioException e) {
            throw blameOverrides(e, overrides);
        }
    }

    /** Marks the problems at paths a command-line override set, so the user looks there, not in the file. */
    private static ScenarioException blameOverrides(ScenarioException e, List<String> overrides) {
        List<Problem> problems = new java.util.ArrayList<>();
        for (Problem p : e.problems()) {
            String given = null;
            for (String override : overrides) {
                int eq = override.indexOf('=');
                String path = eq < 0 ? override : override.substring(0, eq).strip();
                if (!path.isEmpty() && (p.path().equals(path) || p.path().startsWith(path + ".")
                        || p.path().startsWith(path + "["))) {
                    given = override;
                }
            }
            problems.add(given == null ? p
                    : new Problem(p.path(), p.message() + " [set on the command line: " + given + "]", p.location()));
        }
        return new ScenarioException(e.source(), problems);
    }

    /** Most levels of {@code extends}: a longer chain is surely a mistake. */
    private static final int MAX_EXTENDS_DEPTH = 16;

    /**
     * Parses {@code source} and, if it {@code extends} another scenario (a built-in name, or a
     * path relative to this file's folder), merges it over that one: mappings merge key by key,
     * lists of named elements merge element by name (new names are appended), anything else is
     * replaced. Locations are recorded for this file only.
     */
    private static JsonNode resolve(Source source, Locations locations, List<String> chain) throws ScenarioException {
        JsonNode document = parse(source, locations);
        if (!(document instanceof com.fasterxml.jackson.databind.node.ObjectNode object) || !object.has("extends")) {
            return document;
        }
        JsonNode parentName = object.remove("extends");
        if (!parentName.isTextual() || parentName.asText().isBlank()) {
            throw new ScenarioException(source.label(), List.of(new Problem("extends",
                    "must name a built-in scenario or a scenario file, got " + Node.show(parentName),
                    locations.of(object, "extends"))));
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
            String where = locations.of(object, "extends");
            throw new ScenarioException(source.label(), List.of(new Problem("extends", "'" + parentName.asText()
                    + "': " + missing.problems().get(0).message()
                    + (source.folder() == null ? "" : " (looked in " + source.folder() + ")"), where)));
        }
        if (chain.contains(parent.key())) {
            throw new ScenarioException(source.label(), "extends goes round in a circle: "
                    + String.join(" -> ", chain) + " -> " + parent.key());
        }
        JsonNode base = resolve(parent, new Locations(), chain);
        if (!(base instanceof com.fasterxml.jackson.databind.node.ObjectNode baseObject)) {
            throw new ScenarioException(source.label(), "extends " + parent.label() + ", which is not a scenario mapping");
        }
        merge(object, baseObject);
        return object;
    }

    /** Completes {@code child} with what {@code base} has and it lacks (child values win). */
    private static void merge(com.fasterxml.jackson.databind.node.ObjectNode child,
                              com.fasterxml.jackson.databind.node.ObjectNode base) {
        java.util.List<String> order = new java.util.ArrayList<>();
        base.fieldNames().forEachRemaining(order::add);
        for (String key : order) {
            JsonNode b = base.get(key);
            JsonNode c = child.get(key);
            if (c == null) {
                child.set(key, b.deepCopy());
            } else if (c.isObject() && b.isObject()) {
                merge((com.fasterxml.jackson.databind.node.ObjectNode) c, (com.fasterxml.jackson.databind.node.ObjectNode) b);
            } else if (c.isArray() && b.isArray() && named(c) && named(b)) {
                mergeNamed((com.fasterxml.jackson.databind.node.ArrayNode) c, (com.fasterxml.jackson.databind.node.ArrayNode) b);
            }
        }
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
    private static void mergeNamed(com.fasterxml.jackson.databind.node.ArrayNode child,
                                   com.fasterxml.jackson.databind.node.ArrayNode base) {
        java.util.List<JsonNode> merged = new java.util.ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
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
                merge((com.fasterxml.jackson.databind.node.ObjectNode) match, (com.fasterxml.jackson.databind.node.ObjectNode) b);
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

    public static Scenario load(String nameOrPath) throws ScenarioException {
        return load(nameOrPath, List.of());
    }

    /** The text of a built-in scenario file. */
    public static String builtInText(String name) throws ScenarioException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(RESOURCE_DIR + name + ".yaml")) {
            if (in == null) {
                throw new ScenarioException(name, "no built-in scenario named '" + name + "'"
                        + Node.suggest(name, BUILT_IN) + "; built-in: " + String.join(", ", BUILT_IN));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(name, "cannot read built-in scenario: " + e.getMessage());
        }
    }

    private record Source(String name, String label, String text, boolean json, Path folder) {
        /** The same key for the same file however it was named: its absolute path, or the built-in name. */
        String key() {
            return folder == null ? label : folder.resolve(Path.of(label).getFileName()).toString();
        }
    }

    /** A built-in name, or a path (relative to {@code folder} when given). */
    private static Source locate(String nameOrPath, Path folder) throws ScenarioException {
        Path path = folder == null ? Path.of(nameOrPath) : folder.resolve(nameOrPath);
        boolean looksLikeFile = nameOrPath.contains("/") || nameOrPath.contains("\\")
                || nameOrPath.matches(".*\\.(ya?ml|json)$");
        if (Files.isRegularFile(path)) {
            return readFile(path, folder == null ? nameOrPath : path.toString());
        }
        if (looksLikeFile || Files.exists(path)) {
            throw new ScenarioException(nameOrPath, Files.exists(path)
                    ? "is not a regular file" : "no such file");
        }
        if (!BUILT_IN.contains(nameOrPath)) {
            throw new ScenarioException(nameOrPath, "no built-in scenario or file named '" + nameOrPath + "'"
                    + Node.suggest(nameOrPath, BUILT_IN) + "; built-in: " + String.join(", ", BUILT_IN));
        }
        return new Source(nameOrPath, "built-in " + nameOrPath, builtInText(nameOrPath), false, null);
    }

    private static Source readFile(Path path, String label) throws ScenarioException {
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ScenarioException(label, "file is " + Files.size(path) + " bytes; a scenario may be at most "
                        + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(path);
            for (byte b : bytes) {
                if (b == 0) {
                    throw new ScenarioException(label, "is a binary file, not a YAML or JSON scenario");
                }
            }
            String fileName = path.getFileName().toString();
            String name = fileName.replaceFirst("\\.(ya?ml|json)$", "");
            boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
            return new Source(name, label, new String(bytes, StandardCharsets.UTF_8), json,
                    path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ScenarioException(label, "cannot read file: " + e.getMessage());
        }
    }

    private static JsonNode parse(Source source, Locations locations) throws ScenarioException {
        try (com.fasterxml.jackson.core.JsonParser parser = (source.json() ? JSON : YAML).getFactory()
                .createParser(source.text())) {
            parser.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode node = locations.read(parser);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip().split("\\R", 2)[0];
            throw new ScenarioException(source.label(), where + "not valid " + (source.json() ? "JSON" : "YAML")
                    + ": " + reason);
        } catch (java.io.IOException e) {
            throw new ScenarioException(source.label(), "cannot read: " + e.getMessage());
        }
    }
}
