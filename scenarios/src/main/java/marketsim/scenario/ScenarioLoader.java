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
    public static final List<String> BUILT_IN = List.of("jeo-baseline", "platform-squeeze");
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
        Source source = locate(nameOrPath);
        JsonNode document = parse(source);
        Overrides.apply(source.label(), document, overrides);
        return ScenarioReader.read(source.name(), source.label(), document);
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

    private record Source(String name, String label, String text, boolean json) {
    }

    private static Source locate(String nameOrPath) throws ScenarioException {
        Path path = Path.of(nameOrPath);
        boolean looksLikeFile = nameOrPath.contains("/") || nameOrPath.contains("\\")
                || nameOrPath.matches(".*\\.(ya?ml|json)$");
        if (Files.isRegularFile(path)) {
            return readFile(path, nameOrPath);
        }
        if (looksLikeFile || Files.exists(path)) {
            throw new ScenarioException(nameOrPath, Files.exists(path)
                    ? "is not a regular file" : "no such file");
        }
        if (!BUILT_IN.contains(nameOrPath)) {
            throw new ScenarioException(nameOrPath, "no built-in scenario or file named '" + nameOrPath + "'"
                    + Node.suggest(nameOrPath, BUILT_IN) + "; built-in: " + String.join(", ", BUILT_IN));
        }
        return new Source(nameOrPath, "built-in " + nameOrPath, builtInText(nameOrPath), false);
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
            return new Source(name, label, new String(bytes, StandardCharsets.UTF_8), json);
        } catch (IOException e) {
            throw new ScenarioException(label, "cannot read file: " + e.getMessage());
        }
    }

    private static JsonNode parse(Source source) throws ScenarioException {
        try {
            JsonNode node = (source.json() ? JSON : YAML).readTree(source.text());
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip().split("\\R", 2)[0];
            throw new ScenarioException(source.label(), where + "not valid " + (source.json() ? "JSON" : "YAML")
                    + ": " + reason);
        }
    }
}
