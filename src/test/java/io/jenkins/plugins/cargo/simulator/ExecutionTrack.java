package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;

/**
 * What a run remembers about one execution (one node slug and child index) across steps, so its
 * nodeUuid, startedAt and child run stay the same from poll to poll as they would on the real service.
 * Guarded by the owning {@link SimRun}.
 */
final class ExecutionTrack {

    private final String nodeUuid;
    private final String childRunUuid;
    private final Instant startedAt;
    private Instant updatedAt;
    private Instant finishedAt;
    private SimExecution last;

    /**
     * @param nodeUuid the uuid of the execution's node, shared by all executions of one slug
     * @param childRunUuid the run a tool node started, or null
     */
    ExecutionTrack(String nodeUuid, String childRunUuid, Instant firstSeen) {
        this.nodeUuid = nodeUuid;
        this.childRunUuid = childRunUuid;
        this.startedAt = firstSeen;
        this.updatedAt = firstSeen;
    }

    /** Records the execution as a step shows it at {@code now}. */
    void show(SimExecution execution, Instant now) {
        if (!execution.equals(last)) {
            updatedAt = now;
        }
        // An execution is finished once it shows a terminal status; going back to a live status
        // (only a script can do that) reopens it.
        if (!RunStatuses.isTerminal(execution.status())) {
            finishedAt = null;
        } else if (finishedAt == null) {
            finishedAt = now;
        }
        last = execution;
    }

    ExecutionView view() {
        return new ExecutionView(nodeUuid, last, childRunUuid, startedAt, updatedAt, finishedAt);
    }
}
