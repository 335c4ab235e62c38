package marketsim.scenario.input;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A parsed input file: its tree (a {@link MissingNode} for an empty file) and where each value
 * stood in the text. Duplicate keys are errors (YAML would silently keep the last), and so are a
 * second YAML document, more text after a JSON value, and YAML outside {@link YamlSubset} (each
 * would be dropped or misread). A document is not changed once parsed; {@link #copy()} gives a
 * tree to change (apply overrides to) that still knows its lines and columns.
 */
public record Document(String label, JsonNode root, Locations locations) {
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(YamlSubset.loaderOptions()).build());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses {@code text} as JSON or YAML; a syntax error names {@code label} and, where the
     * parser knows them, the line and column.
     */
    public static Document parse(String label, String text, boolean json) throws InputException {
        refuseControlCharacters(label, text);
        if (!json) {
            YamlSubset.check(label, text);
        }
        Locations locations = new Locations();
        try (JsonParser parser = (json ? JSON : YAML).getFactory().createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                JsonNode node = locations.read(parser);
                if (json && node != null && parser.nextToken() != null) {
                    throw new InputException(label, where(parser.currentTokenLocation())
                            + "more after the end of the JSON document; an input file is one value");
                }
                return new Document(label, node == null ? MissingNode.getInstance() : node, locations);
            } catch (JsonProcessingException e) {
                // a nesting limit says nothing of where it was passed: the parser still knows
                String where = where(e.getLocation() != null ? e.getLocation() : parser.currentLocation());
                String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip().split("\\R", 2)[0];
                throw new InputException(label, where + "not valid " + (json ? "JSON" : "YAML") + ": " + reason);
            }
        } catch (IOException e) {
            throw new InputException(label, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Refuses a control character other than tab and line breaks, at its line and column: YAML
     * forbids them (SnakeYAML's own error gives neither line nor column) and in JSON only escaped
     * ones are text; either way one in a name would reach file names, CSVs and terminals.
     */
    private static void refuseControlCharacters(String label, String text) throws InputException {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (isControl(c)) {
                int column = text.codePointCount(lineStart, i) + 1;
                throw new InputException(label, String.format(java.util.Locale.ROOT,
                        "line %d, column %d: a control character (U+%04X) is not allowed; remove it", line, column, (int) c));
            }
        }
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f && c != 0x85;
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    }

    /** True when the file held nothing (or only comments). */
    public boolean isEmpty() {
        return root.isMissingNode();
    }

    /** A deep copy of the tree, with the locations carried over to the copy's mappings and lists. */
    public Document copy() {
        Locations copied = new Locations();
        return new Document(label, copy(root, copied), copied);
    }

    private JsonNode copy(JsonNode node, Locations into) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = object.objectNode();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                out.set(e.getKey(), copy(e.getValue(), into));
            }
            locations.copyTo(object, out, into);
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = array.arrayNode();
            for (JsonNode element : array) {
                out.add(copy(element, into));
            }
            locations.copyTo(array, out, into);
            return out;
        }
        return node; // value nodes are immutable
    }
}
