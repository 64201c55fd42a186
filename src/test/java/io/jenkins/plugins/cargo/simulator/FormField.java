package io.jenkins.plugins.cargo.simulator;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One field of a release's input form, in the shape of Cargo's {@code ReleaseFormField}
 * ({@code @cargo-ai/types} 1.0.56, orchestration.d.ts; cargo-api.md 12.6): {@code name} (the label),
 * {@code slug} (the key in a run's {@code data}), the optional {@code description}, {@code placeholder}
 * and {@code isRequired}, and a {@code kind}. An {@code enum} field lists its values; an {@code array}
 * field holds the fields of each of its items.
 *
 * @param description left out of the JSON when null, as the type's key is optional
 * @param placeholder left out of the JSON when null
 * @param isRequired left out of the JSON when null
 * @param enumValues the values of an {@code enum} field; null for every other kind
 * @param fields the item fields of an {@code array} field; null for every other kind
 */
public record FormField(
        String slug,
        String name,
        String kind,
        String description,
        String placeholder,
        Boolean isRequired,
        List<String> enumValues,
        List<FormField> fields) {

    private static final Set<String> SCALAR_KINDS = Set.of("string", "number", "boolean", "any", "date");

    public FormField {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (kind.equals("enum")) {
            enumValues = List.copyOf(Objects.requireNonNull(enumValues, "an enum field needs its values"));
        } else if (enumValues != null) {
            throw new IllegalArgumentException("only an enum field has values: " + slug);
        }
        if (kind.equals("array")) {
            fields = List.copyOf(Objects.requireNonNull(fields, "an array field needs its item fields"));
        } else if (fields != null) {
            throw new IllegalArgumentException("only an array field has item fields: " + slug);
        }
        if (!SCALAR_KINDS.contains(kind) && !kind.equals("enum") && !kind.equals("array")) {
            throw new IllegalArgumentException("not a form field kind: " + kind);
        }
    }

    /** A field of kind string, number, boolean, any or date. */
    public static FormField of(String kind, String slug, String name) {
        if (!SCALAR_KINDS.contains(kind)) {
            throw new IllegalArgumentException("not one of " + SCALAR_KINDS + ": " + kind);
        }
        return new FormField(slug, name, kind, null, null, null, null, null);
    }

    /** A field of kind {@code enum}, whose value must be one of {@code values}. */
    public static FormField enumOf(String slug, String name, String... values) {
        return new FormField(slug, name, "enum", null, null, null, List.of(values), null);
    }

    /** A field of kind {@code array}, each of whose items is an object with {@code fields}. */
    public static FormField arrayOf(String slug, String name, FormField... fields) {
        return new FormField(slug, name, "array", null, null, null, null, List.of(fields));
    }

    /** The same field with {@code isRequired: true}. */
    public FormField required() {
        return withRequired(true);
    }

    /** The same field with {@code isRequired} set, or left out when null. */
    public FormField withRequired(Boolean required) {
        return new FormField(slug, name, kind, description, placeholder, required, enumValues, fields);
    }

    public FormField withDescription(String description) {
        return new FormField(slug, name, kind, description, placeholder, isRequired, enumValues, fields);
    }

    public FormField withPlaceholder(String placeholder) {
        return new FormField(slug, name, kind, description, placeholder, isRequired, enumValues, fields);
    }
}
