package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The filters of a list request the simulator honours (of Cargo's {@code ListRunsPayload}); the others
 * (userUuid, batchUuid, record and executions filters, and so on) are accepted and not applied. Every
 * time bound is inclusive: Cargo does not say, and an inclusive bound never hides a run that a client
 * checking the same bounds itself would accept. A null field does not filter.
 *
 * @param workflowUuid required, as Cargo's CLI insists on it
 * @param statuses current statuses to keep
 * @param isFinished true keeps terminal runs (success, error, cancelled, skipped), false the others
 */
record RunQuery(
        String workflowUuid,
        String releaseUuid,
        String parentUuid,
        String parentNodeUuid,
        Set<String> statuses,
        Boolean isFinished,
        Instant createdAfter,
        Instant createdBefore,
        Instant updatedAfter,
        Instant updatedBefore) {

    static RunQuery of(BodyFields body) throws InvalidDataException {
        return new RunQuery(
                body.requiredText("workflowUuid"),
                body.optionalText("releaseUuid"),
                body.optionalText("parentUuid"),
                body.optionalText("parentNodeUuid"),
                statuses(body.raw("statuses")),
                body.optionalBoolean("isFinished"),
                body.optionalInstant("createdAfter"),
                body.optionalInstant("createdBefore"),
                body.optionalInstant("updatedAfter"),
                body.optionalInstant("updatedBefore"));
    }

    /** Judges one consistent snapshot of a run, so status and updatedAt cannot disagree mid-filter. */
    boolean matches(RunView run) {
        return run.workflowUuid().equals(workflowUuid)
                && (releaseUuid == null || releaseUuid.equals(run.releaseUuid()))
                && (parentUuid == null || parentUuid.equals(run.lineage().parentUuid()))
                && (parentNodeUuid == null || parentNodeUuid.equals(run.lineage().parentNodeUuid()))
                && (statuses == null || statuses.contains(run.status()))
                && (isFinished == null || isFinished == RunStatuses.isTerminal(run.status()))
                && within(run.createdAt(), createdAfter, createdBefore)
                && within(run.updatedAt(), updatedAfter, updatedBefore);
    }

    private static boolean within(Instant time, Instant after, Instant before) {
        return (after == null || !time.isBefore(after)) && (before == null || !time.isAfter(before));
    }

    private static Set<String> statuses(JsonNode statuses) throws InvalidDataException {
        if (statuses == null || statuses.isNull()) {
            return null;
        }
        if (!statuses.isArray()) {
            throw new InvalidDataException("statuses must be an array");
        }
        Set<String> wanted = new HashSet<>();
        for (JsonNode status : statuses) {
            if (!status.isTextual()) {
                throw new InvalidDataException("statuses must be an array of strings");
            }
            wanted.add(status.asText());
        }
        return wanted;
    }
}
