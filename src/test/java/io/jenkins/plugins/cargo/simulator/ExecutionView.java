package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;

/**
 * An execution as one response shows it: the scripted part plus what the run tracked for it.
 *
 * @param childRunUuid the tool node's child run ({@code nodeRunUuid}), or null
 */
record ExecutionView(
        String nodeUuid,
        SimExecution execution,
        String childRunUuid,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {}
