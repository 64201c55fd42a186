package io.jenkins.plugins.cargo.simulator;

import java.util.Objects;

/**
 * One node execution a scripted run shows at a step. The simulator adds the fields that depend on
 * time and identity (nodeUuid, startedAt, updatedAt, finishedAt, and a tool's child run) when it
 * serves the run.
 *
 * <p>An execution is known across steps by its node slug and child index: the same pair in a later
 * step is the same execution, later, and keeps its nodeUuid, startedAt and child run.
 *
 * @param nodeSlug the node's slug; every execution of one slug shares one nodeUuid
 * @param title the human summary, may be null
 * @param status an execution status such as pending, success or error
 * @param creditsUsedCount credits spent, fractional values allowed as in the real API
 * @param errorMessage the node's error text, may be null
 * @param node the node's kind and its kind's keys
 * @param nodeChildIndex which pass of a loop this is (0, 1, 2 …), or null outside a loop
 * @param nodeWaitUntilFinished whether the node waits for its child run or agent to finish
 */
public record SimExecution(
        String nodeSlug,
        String title,
        String status,
        double creditsUsedCount,
        String errorMessage,
        SimNode node,
        Integer nodeChildIndex,
        boolean nodeWaitUntilFinished) {

    public SimExecution {
        Objects.requireNonNull(nodeSlug, "nodeSlug");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(node, "node");
    }

    /** A native node whose action slug is its node slug, outside any loop. */
    public SimExecution(String nodeSlug, String title, String status, double creditsUsedCount, String errorMessage) {
        this(nodeSlug, title, status, creditsUsedCount, errorMessage, SimNode.nativeAction(nodeSlug), null, false);
    }

    /** The same execution of another kind of node, such as {@link SimNode#connector(String, String)}. */
    public SimExecution withNode(SimNode node) {
        return new SimExecution(nodeSlug, title, status, creditsUsedCount, errorMessage, node, nodeChildIndex,
                nodeWaitUntilFinished);
    }

    /** The same execution as pass {@code index} of a loop. */
    public SimExecution withChildIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("a child index is not negative: " + index);
        }
        return new SimExecution(nodeSlug, title, status, creditsUsedCount, errorMessage, node, index,
                nodeWaitUntilFinished);
    }

    public SimExecution withWaitUntilFinished(boolean wait) {
        return new SimExecution(nodeSlug, title, status, creditsUsedCount, errorMessage, node, nodeChildIndex, wait);
    }
}
