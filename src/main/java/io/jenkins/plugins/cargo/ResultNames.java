package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cargo.run.BuildResult;
import java.util.List;
import java.util.Locale;

/**
 * The build results a user may give a Cargo run's end ({@code resultOnError}, {@code resultOnCancelled},
 * {@code resultOnSkipped}), written as Jenkins names them.
 */
final class ResultNames {
    /** Best to worst, as the form offers them. */
    static final List<String> NAMES = List.of(
            BuildResult.SUCCESS.name(), BuildResult.UNSTABLE.name(), BuildResult.FAILURE.name(), BuildResult.ABORTED.name());

    private ResultNames() {}

    /**
     * Reads a result name; blank means the field's default. Case does not matter.
     *
     * @param field the parameter's name, for the message
     * @throws IllegalArgumentException naming the field, the value and the names it takes
     */
    static BuildResult parse(String field, @CheckForNull String value, BuildResult defaultResult) {
        if (value == null || value.isBlank()) {
            return defaultResult;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(Messages.ResultNames_Invalid(field, abbreviate(value.strip())));
        }
        return BuildResult.valueOf(name);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
