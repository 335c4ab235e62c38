package marketsim.scenario.input;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where each value of a parsed scenario stood in its file: a tree built from the parser's token
 * stream that remembers, for every mapping key and list element, its line and column. Keyed by
 * the identity of the containing node, so the locations survive {@code extends} merging (values
 * taken from a base file carry none: the path still names them). Public so that other input
 * files (calibration targets) report their lines and columns the same way.
 */
public final class Locations {
    /** Per container, per key: a {@link JsonLocation} in the file, or the text of the flag that set the value. */
    private final Map<JsonNode, Map<Object, Object>> byContainer = new IdentityHashMap<>();

    /**
     * "line L, column C" for the value under {@code key} (a field name or list index) of {@code container}, the flag
     * that set it ("--set horizon=0"), or "".
     */
    public String of(JsonNode container, Object key) {
        Map<Object, Object> entries = byContainer.get(container);
        Object at = entries == null ? null : entries.get(key);
        if (at instanceof String flag) {
            return flag;
        }
        return at instanceof JsonLocation l ? "line " + l.getLineNr() + ", column " + l.getColumnNr() : "";
    }

    /** Records that the value under {@code key} of {@code container} was set by {@code flag}, not by the file. */
    public void setBy(JsonNode container, Object key, String flag) {
        Map<Object, Object> entries = byContainer.get(container);
        // copies share their entries with the document they came from: change this copy's only
        Map<Object, Object> own = entries == null ? new java.util.HashMap<>() : new java.util.HashMap<>(entries);
        own.put(key, flag);
        byContainer.put(container, own);
    }

    /** Gives {@code copy} (a copy of {@code original}) the locations {@code original} has here, in {@code into}. */
    public void copyTo(JsonNode original, JsonNode copy, Locations into) {
        Map<Object, Object> entries = byContainer.get(original);
        if (entries != null) {
            into.byContainer.put(copy, entries); // never changed after reading: safe to share
        }
    }

    /** Reads one document from {@code parser}, recording locations; null for an empty document. */
    public JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? null : value(parser, token);
    }

    private JsonNode value(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = f.objectNode();
                Map<Object, Object> entries = new java.util.HashMap<>();
                byContainer.put(object, entries);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    entries.put(name, p.currentTokenLocation());
                    if (object.has(name)) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "Duplicate field '" + name + "'");
                    }
                    object.set(name, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = f.arrayNode();
                Map<Object, Object> entries = new java.util.HashMap<>();
                byContainer.put(array, entries);
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    entries.put(array.size(), p.currentTokenLocation());
                    array.add(value(p, t));
                }
                return array;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? f.numberNode(p.getBigIntegerValue()) : f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return f.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return f.booleanNode(false);
            }
            case VALUE_NULL -> {
                return f.nullNode();
            }
            default -> {
                return f.textNode(p.getText());
            }
        }
    }
}
