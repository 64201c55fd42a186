package io.jenkins.plugins.cargo.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.List;

/**
 * A release of a workflow: the snapshot of its graph a run executes, and the input form its runs' data
 * should match.
 *
 * @param formFields the input form, or null when the release has none (then nothing can be checked)
 */
public record CargoRelease(
        String uuid,
        String workflowUuid,
        @CheckForNull String version,
        String status,
        @CheckForNull Instant deployedAt,
        @CheckForNull Instant createdAt,
        @CheckForNull List<FormField> formFields) {
    public CargoRelease {
        formFields = formFields == null ? null : List.copyOf(formFields);
    }

    /** "release 3 (uuid)" or "release uuid", for messages. */
    public String describe() {
        return "release " + (version == null ? uuid : version + " (" + uuid + ")");
    }
}
