package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the fields of a JSON request body, refusing what the real API's schema would refuse. Not
 * named RequestBody so it cannot shadow okhttp3.RequestBody in tests of this package.
 */
final class BodyFields {

    private final ObjectNode json;

    private BodyFields(ObjectNode json) {
        this.json = json;
    }

    static BodyFields parse(String text) throws InvalidDataException {
        JsonNode parsed;
        try {
            parsed = JsonCodec.parse(text);
        } catch (JsonProcessingException e) {
            throw new InvalidDataException("Body is not valid JSON.");
        }
        if (!(parsed instanceof ObjectNode)) {
            throw new InvalidDataException("Body must be a JSON object.");
        }
        return new BodyFields((ObjectNode) parsed);
    }

    boolean has(String field) {
        return json.has(field);
    }

    /** The raw value of a field, or null if the key is absent (a JSON null comes back as a NullNode). */
    JsonNode raw(String field) {
        return json.get(field);
    }

    String requiredText(String field) throws InvalidDataException {
        String value = optionalText(field);
        if (value == null || value.isBlank()) {
            throw new InvalidDataException(field + " is required");
        }
        return value;
    }

    String optionalText(String field) throws InvalidDataException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidDataException(field + " must be a string");
        }
        return value.asText();
    }

    /** An ISO-8601 date-time in UTC ({@code Z}) or with an offset, as the instant it names. */
    Instant optionalInstant(String field) throws InvalidDataException {
        String text = optionalText(field);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidDataException(field + " must be an ISO-8601 instant");
        }
    }

    Boolean optionalBoolean(String field) throws InvalidDataException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidDataException(field + " must be a boolean");
        }
        return value.booleanValue();
    }

    int optionalCount(String field, int defaultValue) throws InvalidDataException {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new InvalidDataException(field + " must be a non-negative integer");
        }
        return value.intValue();
    }
}
