package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.JsonData;
import io.jenkins.plugins.cargo.run.RunOptions;
import java.util.List;
import java.util.Map;

/**
 * The checks behind the form fields of the steps, the builder and the global configuration, with no
 * Jenkins types. Each asks the core the question the build will ask, so a form says what the build
 * would say: {@link RunOptions.Builder} for UUIDs and numbers, {@link JsonData} for data,
 * {@link CargoApiUrl#parse} for the API URL. A blank optional field is fine: the default applies.
 */
final class FieldChecks {
    /** A valid UUID to stand in for the fields a check is not about. */
    private static final String SOME_UUID = "00000000-0000-4000-8000-000000000000";

    private FieldChecks() {}

    /**
     * A UUID field.
     *
     * @param field the parameter's name, such as {@code workflowUuid}, {@code releaseUuid} or {@code runUuid}
     * @param required whether a blank value is an error (for {@code workflowUuid} of {@code cargoRun}) or
     *     leaves it out (for {@code releaseUuid}, and for {@code workflowUuid} of {@code cargoWaitForRun})
     */
    static FieldCheck uuid(String field, @CheckForNull String value, boolean required) {
        boolean blank = value == null || value.isBlank();
        if (blank && !required) {
            return FieldCheck.ok();
        }
        if (field.equals("workflowUuid") && required) {
            // Exactly what cargoRun says, hint included.
            return problem(() -> RunOptions.builder(value, Map.of()).build());
        }
        if (field.equals("releaseUuid")) {
            return problem(() -> RunOptions.builder(SOME_UUID, Map.of()).releaseUuid(value).build());
        }
        // runUuid, and the optional workflowUuid of cargoWaitForRun: the core's UUID rule, with the text
        // the core gives those fields when it follows a run started earlier.
        String hint = field.equals("runUuid") ? Messages.FieldChecks_RunUuidHint() : "";
        if (blank) {
            return FieldCheck.error(Messages.FieldChecks_Missing(field, hint));
        }
        FieldCheck asWorkflow = problem(() -> RunOptions.builder(value, Map.of()).build());
        return asWorkflow.kind() == FieldCheck.Kind.OK
                ? asWorkflow
                : FieldCheck.error(Messages.FieldChecks_NotAUuid(field, abbreviate(value.strip()), hint));
    }

    /** Whether the value is a UUID, by the core's rule (surrounding blanks allowed, as the steps strip them). */
    static boolean isUuid(@CheckForNull String value) {
        return value != null && !value.isBlank() && problem(() -> RunOptions.builder(value, Map.of()).build()).kind() == FieldCheck.Kind.OK;
    }

    /**
     * The run's data as JSON text, as the freestyle form takes it. Messages say where the JSON is broken,
     * never what it says. Valid JSON that is not an object gets the build's own warning.
     */
    static FieldCheck data(@CheckForNull String json) {
        List<String> warnings;
        try {
            warnings = RunOptions.builder(SOME_UUID, json).build().warnings();
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
        return warnings.isEmpty() ? FieldCheck.ok() : FieldCheck.warning(String.join(" ", warnings));
    }

    /** A poll interval in seconds; {@code field} names it in the message (the build says {@code pollIntervalSeconds}). */
    static FieldCheck pollIntervalSeconds(String field, @CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FieldCheck.ok();
        }
        Long seconds = wholeNumber(value);
        if (seconds == null) {
            return FieldCheck.error(Messages.FieldChecks_NotWholeNumber(field));
        }
        return problem(() -> RunOptions.waitOptions().pollIntervalSeconds(seconds).buildWaitPolicy());
    }

    /** A timeout in minutes, 0 for none. */
    static FieldCheck timeoutMinutes(String field, @CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FieldCheck.ok();
        }
        Long minutes = wholeNumber(value);
        if (minutes == null) {
            return FieldCheck.error(Messages.FieldChecks_NotWholeNumber(field));
        }
        FieldCheck check = problem(() -> RunOptions.waitOptions().timeoutMinutes(minutes).buildWaitPolicy());
        return check.kind() == FieldCheck.Kind.OK && minutes == 0 ? FieldCheck.ok(Messages.FieldChecks_NoTimeLimit()) : check;
    }

    /** The API URL of the global configuration; blank means the default. */
    static FieldCheck apiUrl(@CheckForNull String value) {
        if (value == null || value.isBlank()) {
            return FieldCheck.ok();
        }
        return problem(() -> CargoApiUrl.parse(value));
    }

    @CheckForNull
    private static Long wholeNumber(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static FieldCheck problem(Runnable coreCheck) {
        try {
            coreCheck.run();
            return FieldCheck.ok();
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    /** As the core shortens a bad value it quotes. */
    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
