package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * What a form check found, as a plain value: {@link CargoForms} turns it into a {@code FormValidation}.
 * Kept free of Jenkins types so that every message can be tested without a running Jenkins.
 *
 * @param kind how the field is
 * @param message the text shown under the field; null for a plain "ok"
 */
record FieldCheck(Kind kind, @CheckForNull String message) {
    enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static final FieldCheck OK = new FieldCheck(Kind.OK, null);

    FieldCheck {
        Objects.requireNonNull(kind, "kind");
    }

    static FieldCheck ok() {
        return OK;
    }

    static FieldCheck ok(String message) {
        return new FieldCheck(Kind.OK, message);
    }

    static FieldCheck warning(String message) {
        return new FieldCheck(Kind.WARNING, message);
    }

    static FieldCheck error(String message) {
        return new FieldCheck(Kind.ERROR, message);
    }
}
