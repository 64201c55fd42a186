package io.jenkins.plugins.cargo.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;

/**
 * One field of a release's input form, as Cargo defines it ({@code ReleaseFormField}): the key
 * ({@code slug}) a run's data should carry, and what kind of value it takes.
 *
 * @param kind {@code string}, {@code number}, {@code boolean}, {@code any}, {@code date}, {@code enum} or
 *     {@code array}; a kind Cargo adds later is kept as it came and not checked
 * @param enumValues the allowed values of an {@code enum} field, else empty
 * @param fields the fields of each item of an {@code array} field, else empty
 */
public record FormField(
        String name,
        String slug,
        @CheckForNull String description,
        boolean required,
        String kind,
        List<String> enumValues,
        List<FormField> fields) {
    public FormField {
        enumValues = List.copyOf(enumValues);
        fields = List.copyOf(fields);
    }

    /** How the kind reads in a message: "a string", "one of gold, silver", "a list of objects". */
    public String expected() {
        return switch (kind) {
            case "string" -> "a string";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "date" -> "a date as a string";
            case "enum" -> "one of " + String.join(", ", enumValues);
            case "array" -> "a list of objects";
            case "any" -> "any value";
            default -> "a value of kind " + kind;
        };
    }
}
