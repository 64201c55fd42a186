package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a run's data against a release's input form the way Cargo's own app does: the form becomes a
 * JSON Schema of an object with one property per field slug, the fields marked required are required,
 * {@code enum} and {@code date} values are strings, an {@code array} holds objects of its nested fields,
 * {@code any} takes anything, and keys the form does not name are allowed.
 *
 * <p>Every problem is reported, each with its path and the kind expected, never with the value: data can
 * hold anything its author passed.
 */
public final class FormCheck {
    private FormCheck() {}

    /** The problems of {@code data} against {@code form}; empty when it matches. */
    public static List<String> problems(JsonData data, List<FormField> form) {
        List<String> problems = new ArrayList<>();
        JsonNode tree = data.tree();
        if (!tree.isObject()) {
            problems.add("data is not an object: the form expects an object with the keys "
                    + String.join(", ", form.stream().map(FormField::slug).toList()) + ".");
            return problems;
        }
        checkObject("data", tree, form, problems);
        return problems;
    }

    private static void checkObject(String path, JsonNode object, List<FormField> form, List<String> problems) {
        for (FormField field : form) {
            String at = path + "." + field.slug();
            JsonNode value = object.get(field.slug());
            if (value == null) {
                if (field.required()) {
                    problems.add(at + " is missing: \"" + field.name() + "\" is required, " + field.expected() + ".");
                }
                continue;
            }
            checkValue(at, value, field, problems);
        }
    }

    private static void checkValue(String at, JsonNode value, FormField field, List<String> problems) {
        boolean fits = switch (field.kind()) {
            case "string", "date" -> value.isTextual();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "enum" -> value.isTextual() && field.enumValues().contains(value.asText());
            case "array" -> value.isArray();
            // "any", and kinds Cargo may add later, are not checked.
            default -> true;
        };
        if (!fits) {
            boolean otherOption = "enum".equals(field.kind()) && value.isTextual();
            problems.add(at + " should be " + field.expected() + ", but is "
                    + (otherOption ? "another string" : describe(value)) + ".");
            return;
        }
        if ("array".equals(field.kind())) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String itemAt = at + "[" + i + "]";
                if (item.isObject()) {
                    checkObject(itemAt, item, field.fields(), problems);
                } else {
                    problems.add(itemAt + " should be an object with the keys "
                            + String.join(", ", field.fields().stream().map(FormField::slug).toList()) + ", but is "
                            + describe(item) + ".");
                }
            }
        }
    }

    /** The JSON kind of a value, never the value itself. */
    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "true or false";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
