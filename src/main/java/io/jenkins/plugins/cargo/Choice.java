package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Objects;

/**
 * One option of a drop-down, as plain values: {@link CargoForms} makes a {@code ListBoxModel} of a list of
 * them. Kept free of Jenkins types so that the order and the labels are tested without a running Jenkins.
 *
 * @param name what the user reads
 * @param value what the field gets
 * @param selected whether it is the field's current value
 */
record Choice(String name, String value, boolean selected) {
    Choice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * A drop-down's answer: its options and, when Cargo could not be read, why (then the options hold only
     * the field's current value, which the form keeps).
     */
    record Answer(List<Choice> options, @CheckForNull String problem) {
        Answer {
            options = List.copyOf(options);
        }
    }
}
