package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.UUID;

/**
 * What a run remembers about one node across steps, so its nodeUuid and startedAt stay the same from
 * poll to poll as they would on the real service. Guarded by the owning {@link SimRun}.
 */
final class ExecutionTrack {

    private final String nodeUuid = UUID.randomUUID().toString();
    private final Instant startedAt;
    private Instant updatedAt;
    private Instant finishedAt;
    private SimExecution last;

    ExecutionTrack(Instant firstSeen) {
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
        return new ExecutionView(nodeUuid, last, startedAt, updatedAt, finishedAt);
    }
}
