package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * Who the simulator's API token belongs to: one workspace and one user, made up when the simulator
 * starts and the same in everything it serves.
 *
 * @param createdAt when the simulator started
 */
record SimAccount(String workspaceUuid, String userUuid, Instant createdAt) {

    SimAccount {
        Objects.requireNonNull(workspaceUuid, "workspaceUuid");
        Objects.requireNonNull(userUuid, "userUuid");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static SimAccount startingAt(Instant now) {
        return new SimAccount(SimUuids.random(), SimUuids.random(), now);
    }
}
