package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.Set;

/**
 * The filters of a list request the simulator honours. Other filters the real API has are not
 * applied; the plugin only needs these to find a run after a lost create response.
 *
 * @param createdAfter inclusive lower bound on createdAt, or null
 * @param statuses current statuses to keep, or null for all
 */
record RunQuery(String workflowUuid, Instant createdAfter, Set<String> statuses) {

    boolean matches(SimRun run) {
        return run.workflowUuid().equals(workflowUuid)
                && !run.deleted()
                && (createdAfter == null || !run.createdAt().isBefore(createdAfter))
                && (statuses == null || statuses.contains(run.status()));
    }
}
