package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Cargo's run and execution JSON into the typed model.
 *
 * <p>Lenient where leniency is safe: unknown fields are ignored, nulls and missing fields become
 * absent values, and a timestamp that does not parse is dropped instead of failing a wait. Strict where
 * it is not: a run without a uuid or a status cannot be followed and is reported as a bad answer.
 */
final class RunJson {
    private RunJson() {}

    /**
     * Reads the answer to a get-run, keeping only what a watch needs: the run, and its output
     * ({@code runContext}) only once the run has finished. {@code runComputedConfigs} is skipped unread.
     * The parser stands on the answer's opening brace.
     */
    static CargoRun getRunAnswer(JsonParser parser, int httpStatus, String what) throws IOException {
        JsonNode run = null;
        JsonNode runContext = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("run".equals(field)) {
                run = CargoJson.readValue(parser);
            } else if ("runContext".equals(field) && (run == null || finished(run))) {
                // Read when the run is not known yet, since Cargo may send the fields in any order.
                runContext = CargoJson.readValue(parser);
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "trailing content");
        }
        return run(run, run != null && finished(run) ? runContext : null, httpStatus, what);
    }

    private static boolean finished(JsonNode run) {
        String status = text(run, "status");
        return status != null && RunStatus.of(status).isTerminal();
    }

    static CargoRun run(JsonNode node, JsonNode runContext, int httpStatus, String what)
            throws CargoBadResponseException {
        if (node == null || !node.isObject()) {
            throw new CargoBadResponseException("Cargo's answer to " + what + " has no run object.", httpStatus, null);
        }
        String uuid = text(node, "uuid");
        String status = text(node, "status");
        if (uuid == null || status == null) {
            throw new CargoBadResponseException(
                    "Cargo's answer to " + what + " has a run without " + (uuid == null ? "a uuid" : "a status") + ".",
                    httpStatus,
                    null);
        }
        return CargoRun.builder(uuid, RunStatus.of(status))
                .workflowUuid(text(node, "workflowUuid"))
                .releaseUuid(text(node, "releaseUuid"))
                .traceUuid(text(node, "traceUuid"))
                .errorMessage(text(node, "errorMessage"))
                .executions(executions(node.get("executions")))
                .createdAt(instant(node, "createdAt"))
                .updatedAt(instant(node, "updatedAt"))
                .finishedAt(instant(node, "finishedAt"))
                .output(CargoJson.toPlainMap(runContext))
                .build();
    }

    private static List<CargoExecution> executions(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<CargoExecution> executions = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            if (!node.isObject()) {
                continue;
            }
            String status = text(node, "status");
            executions.add(new CargoExecution(
                    text(node, "nodeUuid"),
                    text(node, "nodeSlug"),
                    text(node, "nodeKind"),
                    text(node, "title"),
                    RunStatus.of(status == null ? "pending" : status),
                    text(node, "errorMessage"),
                    credits(node.get("creditsUsedCount")),
                    instant(node, "startedAt"),
                    instant(node, "finishedAt"),
                    childIndex(node.get("nodeChildIndex")))
                    .withNode(text(node, "nodeIntegrationSlug"), text(node, "nodeActionSlug"), text(node, "nodeRunUuid")));
        }
        return executions;
    }

    private static Integer childIndex(JsonNode value) {
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.intValue() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal credits(JsonNode value) {
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
