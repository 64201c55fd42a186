package io.jenkins.plugins.cargo.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Objects;

/**
 * What {@code POST /v1/orchestration/runs} sends: the tool's workflow, the run's data and, optionally,
 * the release to pin.
 */
public record CreateRunRequest(@NonNull String workflowUuid, @NonNull JsonData data, @CheckForNull String releaseUuid) {
    public CreateRunRequest {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(data, "data");
    }

    /** Never the data: it may hold anything the author passed. */
    @Override
    public String toString() {
        return "CreateRunRequest[workflow " + workflowUuid + (releaseUuid == null ? "" : ", release " + releaseUuid) + "]";
    }
}
