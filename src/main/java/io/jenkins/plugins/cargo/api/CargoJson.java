package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson configuration the client uses, and the conversion of JSON trees to plain Java values.
 *
 * <p>Numbers are read exactly (BigDecimal for fractions) so that data and outputs pass through
 * unchanged; trailing content and duplicate keys are errors rather than silently dropped.
 */
final class CargoJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads one value in the middle of an answer. The mapper itself would check for trailing content
     * right after that value, which is only right for a whole answer.
     */
    private static final ObjectReader NESTED = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CargoJson() {}

    /** The value the parser stands on, as a tree; the parser then stands on its last token. */
    static JsonNode readValue(JsonParser parser) throws IOException {
        return NESTED.readTree(parser);
    }

    /**
     * Where a parse failed, as "line L, column C". Jackson's own messages quote the text they choke on,
     * which may be the user's data or a run's output, so only the location is ever shown.
     */
    static String location(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? "an unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** A JSON tree as unmodifiable plain Java values: Map, List, String, Number, Boolean or null. */
    static Object toPlain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return toPlainMap(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(toPlain(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** An object node as an unmodifiable, ordered map; anything other than an object gives an empty map. */
    static Map<String, Object> toPlainMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        // Not Map.copyOf: Cargo keeps nulls inside runContext, and those must survive.
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            map.put(field.getKey(), toPlain(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }
}
