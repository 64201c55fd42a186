package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Cargo's answers about what surrounds a run: releases and their input forms, tools, traces, the
 * workspace and its credits. Lenient like {@link RunJson}: unknown fields are ignored, missing ones
 * become absent; only what a caller cannot do without (an identifier) makes the answer bad.
 */
final class CatalogJson {
    private CatalogJson() {}

    static CargoRelease release(JsonNode node, int httpStatus, String what) throws CargoBadResponseException {
        String uuid = required(node, "uuid", httpStatus, what, "a release");
        return new CargoRelease(uuid, RunJson.text(node, "workflowUuid"), RunJson.text(node, "version"),
                String.valueOf(RunJson.text(node, "status")), RunJson.instant(node, "deployedAt"),
                RunJson.instant(node, "createdAt"), formFields(node.get("formFields")));
    }

    static List<CargoRelease> releases(JsonNode array, int httpStatus, String what) throws CargoBadResponseException {
        List<CargoRelease> releases = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode release : array) {
                releases.add(release(release, httpStatus, what));
            }
        }
        return releases;
    }

    /** The form, or null when the release has none. */
    private static List<FormField> formFields(JsonNode array) {
        if (array == null || !array.isArray()) {
            return null;
        }
        List<FormField> fields = new ArrayList<>();
        for (JsonNode field : array) {
            String slug = RunJson.text(field, "slug");
            if (!field.isObject() || slug == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            JsonNode options = field.get("enum");
            if (options != null && options.isArray()) {
                options.forEach(option -> values.add(option.asText()));
            }
            List<FormField> nested = formFields(field.get("fields"));
            String kind = RunJson.text(field, "kind");
            fields.add(new FormField(String.valueOf(RunJson.text(field, "name")), slug, RunJson.text(field, "description"),
                    field.path("isRequired").asBoolean(false), kind == null ? "any" : kind, values,
                    nested == null ? List.of() : nested));
        }
        return fields;
    }

    static CargoTrace trace(JsonNode node, int httpStatus, String what) throws CargoBadResponseException {
        String uuid = required(node, "uuid", httpStatus, what, "a trace");
        return new CargoTrace(uuid, String.valueOf(RunJson.text(node, "status")), node.path("spansCount").asInt(),
                node.path("failedSpansCount").asInt(), decimal(node.get("creditsUsedCount")));
    }

    static List<CargoTool> tools(JsonNode array) {
        List<CargoTool> tools = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode tool : array) {
                String workflowUuid = RunJson.text(tool, "workflowUuid");
                if (workflowUuid != null) {
                    String name = RunJson.text(tool, "name");
                    tools.add(new CargoTool(RunJson.text(tool, "uuid"), workflowUuid, name == null ? workflowUuid : name));
                }
            }
        }
        return tools;
    }

    static CargoWorkspace workspace(JsonNode node, int httpStatus, String what) throws CargoBadResponseException {
        String uuid = required(node, "uuid", httpStatus, what, "a workspace");
        return new CargoWorkspace(uuid, String.valueOf(RunJson.text(node, "name")), node.path("maxConcurrentRuns").asInt());
    }

    static CargoCredits credits(JsonNode node, int httpStatus, String what) throws CargoBadResponseException {
        if (node == null || !node.isObject()) {
            throw new CargoBadResponseException("Cargo's answer to " + what + " has no subscription.", httpStatus, null);
        }
        return new CargoCredits(decimal(node.get("subscriptionAvailableCreditsCount")),
                decimal(node.get("additionalAvailableCreditsCount")));
    }

    private static String required(JsonNode node, String field, int httpStatus, String what, String thing)
            throws CargoBadResponseException {
        String value = node == null || !node.isObject() ? null : RunJson.text(node, field);
        if (value == null) {
            throw new CargoBadResponseException("Cargo's answer to " + what + " has no " + thing + " with a " + field + ".",
                    httpStatus, null);
        }
        return value;
    }

    private static BigDecimal decimal(JsonNode value) {
        return value != null && value.isNumber() ? value.decimalValue() : BigDecimal.ZERO;
    }
}
