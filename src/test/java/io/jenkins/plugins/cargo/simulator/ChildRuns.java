package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;

/** Starts the child run of a tool node when its execution first shows; lets a run make runs. */
@FunctionalInterface
interface ChildRuns {

    /** Makes the child run, created at {@code at}, and returns its uuid. */
    String start(SimRun parent, String parentNodeUuid, SimNode.Tool tool, Instant at);
}
