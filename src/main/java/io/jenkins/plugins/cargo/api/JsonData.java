package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The {@code data} of a run: one JSON value, kept as compact JSON text.
 *
 * <p>It is made from what a Pipeline author writes: a map, a list, a string holding JSON, a number or a
 * boolean. Values are converted exactly as given; anything that has no single JSON form (a date, an
 * arbitrary object, a map with non-string keys, NaN) is refused with the path of the bad value, rather
 * than turned into something the author did not write. Error messages name where the problem is but
 * never quote the data.
 */
public final class JsonData implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String json;
    private final boolean object;

    private JsonData(JsonNode node) {
        this.json = node.toString();
        this.object = node.isObject();
    }

    /**
     * Converts a value to JSON data.
     *
     * @param value a {@link Map}, {@link Iterable} or array, a {@link CharSequence} holding JSON text, a
     *     {@link Number} or a {@link Boolean}
     * @throws IllegalArgumentException naming the field {@code data} and the fix
     */
    public static JsonData of(Object value) {
        if (value == null) {
            throw new IllegalArgumentException(
                    "data is missing. Pass the run's input, usually a map such as [domain: 'acme.com'], or [:] for none.");
        }
        if (value instanceof CharSequence text) {
            return parse(text.toString());
        }
        return new JsonData(convert(value, "data"));
    }

    /** Parses JSON text, such as a string a Pipeline read from a file. */
    public static JsonData parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("data is an empty string. Pass a map, or a string holding JSON such as '{}'.");
        }
        try {
            return new JsonData(CargoJson.MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data is a string but not valid JSON (the error is at "
                    + CargoJson.location(e) + "). Pass a map, or a string holding one JSON value.");
        }
    }

    private static JsonNode convert(Object value, String path) {
        JsonNodeFactory nodes = CargoJson.MAPPER.getNodeFactory();
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof CharSequence || value instanceof Character) {
            // Inside a map or list a string is a string value, never parsed: "42" stays "42".
            return nodes.textNode(value.toString());
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof Number number) {
            return number(number, path, nodes);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof CharSequence key)) {
                    throw new IllegalArgumentException(path + " has a key that is not a string ("
                            + typeName(entry.getKey()) + "). JSON object keys must be strings.");
                }
                object.set(key.toString(), convert(entry.getValue(), path + "." + key));
            }
            return object;
        }
        if (value instanceof Iterable<?> iterable) {
            ArrayNode array = nodes.arrayNode();
            int index = 0;
            for (Object element : iterable) {
                array.add(convert(element, path + "[" + index++ + "]"));
            }
            return array;
        }
        if (value instanceof Object[] elements) {
            ArrayNode array = nodes.arrayNode();
            for (int index = 0; index < elements.length; index++) {
                array.add(convert(elements[index], path + "[" + index + "]"));
            }
            return array;
        }
        throw new IllegalArgumentException(path + " is a " + typeName(value)
                + ", which has no JSON form. Use strings, numbers, booleans, lists and maps"
                + " (for a date, pass its ISO-8601 text).");
    }

    private static JsonNode number(Number number, String path, JsonNodeFactory nodes) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return nodes.numberNode(number.longValue());
        }
        if (number instanceof BigInteger big) {
            return nodes.numberNode(big);
        }
        if (number instanceof BigDecimal decimal) {
            return nodes.numberNode(decimal);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + " is " + d + ", which JSON cannot represent. Use a finite number.");
            }
            // Through the decimal text, so 0.1f is sent as 0.1 and not as 0.10000000149011612.
            return nodes.numberNode(new BigDecimal(number.toString()));
        }
        throw new IllegalArgumentException(path + " is a " + typeName(number)
                + ". Use an integer, a decimal number or a string.");
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /** The value as compact JSON text. */
    public String json() {
        return json;
    }

    /** Whether the value is a JSON object, the shape Cargo tools read their form fields from. */
    public boolean isObject() {
        return object;
    }

    JsonNode tree() {
        try {
            return CargoJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON written by this class did not parse back", e);
        }
    }

    /** Never the data itself: it may hold anything the author passed, and toString ends up in logs. */
    @Override
    public String toString() {
        return "JsonData[" + (object ? "object" : "value") + ", " + json.length() + " chars]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonData that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }
}
