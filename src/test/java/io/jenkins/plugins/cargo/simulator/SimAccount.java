package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * Who the simulator's API token belongs to: one workspace, one user and one subscription, made up when
 * the simulator starts and the same in everything it serves (runs, releases, tools, traces, the
 * workspace and its subscription).
 *
 * @param createdAt when the simulator started; the workspace's and subscription's createdAt
 */
record SimAccount(String workspaceUuid, String userUuid, String subscriptionUuid, Instant createdAt) {

    SimAccount {
        Objects.requireNonNull(workspaceUuid, "workspaceUuid");
        Objects.requireNonNull(userUuid, "userUuid");
        Objects.requireNonNull(subscriptionUuid, "subscriptionUuid");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    static SimAccount startingAt(Instant now) {
        return new SimAccount(SimUuids.random(), SimUuids.random(), SimUuids.random(), now);
    }
}
