package io.jenkins.plugins.cargo.simulator;

import java.util.Objects;

/**
 * One node execution a scripted run shows at a step. The simulator adds the fields that depend on
 * time and identity (nodeUuid, startedAt, updatedAt, finishedAt) when it serves the run.
 *
 * @param nodeSlug the node's slug, also what keeps its nodeUuid and startedAt stable across steps
 * @param title the human summary, may be null
 * @param status an execution status such as pending, success or error
 * @param creditsUsedCount credits spent, fractional values allowed as in the real API
 * @param errorMessage the node's error text, may be null
 */
public record SimExecution(String nodeSlug, String title, String status, double creditsUsedCount, String errorMessage) {

    public SimExecution {
        Objects.requireNonNull(nodeSlug, "nodeSlug");
        Objects.requireNonNull(status, "status");
    }
}
