package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * An immutable copy of a run's state, taken under the run's lock, so JSON can be written without
 * holding it.
 */
record RunView(
        String uuid,
        String workflowUuid,
        String releaseUuid,
        Lineage lineage,
        String recordId,
        String recordTitle,
        String status,
        String errorMessage,
        List<ExecutionView> executions,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        JsonNode runContext) {}
