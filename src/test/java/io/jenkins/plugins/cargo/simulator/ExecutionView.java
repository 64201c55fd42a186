package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;

/** An execution as one response shows it: the scripted part plus the times the run tracked for it. */
record ExecutionView(
        String nodeUuid,
        SimExecution execution,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {}
