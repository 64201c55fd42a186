package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoRun;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, as plain serializable values: what the Pipeline step returns (as {@link #toMap()})
 * and what the freestyle builder and the build action show.
 */
public final class RunOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String runUuid;
    private final String workflowUuid;
    private final String releaseUuid;
    private final String status;
    private final BuildResult result;
    private final EndReason endReason;
    private final String errorMessage;
    private final String failedNodeSlug;
    private final String failedNodeTitle;
    private final String failedNodeError;
    private final String failedNodeIntegration;
    private final String traceStatus;
    private final String childRunUuid;
    private final String childFailedNode;
    private final String childError;
    // Plain LinkedHashMap and ArrayList, so the outcome serializes anywhere; handed out as copies.
    private final ArrayList<Map<String, Object>> executions;
    private final BigDecimal creditsUsed;
    private final LinkedHashMap<String, Object> output;
    private final String createdAt;
    private final String finishedAt;
    private final Long durationMillis;

    private RunOutcome(CargoRun run, BuildResult result, EndReason endReason, RunExplanation explanation) {
        this.runUuid = run.uuid();
        this.workflowUuid = run.workflowUuid();
        this.releaseUuid = run.releaseUuid();
        this.status = run.status().value();
        this.result = result;
        this.endReason = endReason;
        this.errorMessage = run.errorMessage();
        CargoExecution failed = run.firstFailedExecution().orElse(null);
        this.failedNodeSlug = failed == null ? null : failed.nodeSlug();
        this.failedNodeTitle = failed == null ? null : failed.title();
        this.failedNodeError = failed == null ? null : failed.errorMessage();
        this.failedNodeIntegration = failed == null ? null : failed.nodeIntegrationSlug();
        this.traceStatus = explanation.traceStatus;
        this.childRunUuid = explanation.childRunUuid;
        this.childFailedNode = explanation.childFailedNode;
        this.childError = explanation.childError;
        ArrayList<Map<String, Object>> summary = new ArrayList<>();
        for (CargoExecution execution : run.executions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("nodeSlug", execution.nodeSlug());
            entry.put("nodeKind", execution.nodeKind());
            entry.put("title", execution.title());
            entry.put("status", execution.status().value());
            entry.put("creditsUsed", execution.creditsUsed());
            entry.put("errorMessage", execution.errorMessage());
            summary.add(entry);
        }
        this.executions = summary;
        // The trace counts the credits of child runs too; the run's own executions do not.
        this.creditsUsed = explanation.traceCredits != null ? explanation.traceCredits : run.creditsUsed();
        this.output = PlainValues.mapOf(run.output());
        Instant created = run.createdAt();
        Instant finished = run.finishedAt();
        this.createdAt = created == null ? null : created.toString();
        this.finishedAt = finished == null ? null : finished.toString();
        this.durationMillis = created != null && finished != null ? Duration.between(created, finished).toMillis() : null;
    }

    /** The outcome of a run as last seen, with the result the policy gives it. */
    static RunOutcome of(CargoRun run, EndReason endReason, WaitPolicy policy) {
        return of(run, endReason, policy, RunExplanation.NONE);
    }

    static RunOutcome of(CargoRun run, EndReason endReason, WaitPolicy policy, RunExplanation explanation) {
        return new RunOutcome(run, resultFor(run, endReason, policy, explanation), endReason, explanation);
    }

    private static BuildResult resultFor(CargoRun run, EndReason endReason, WaitPolicy policy, RunExplanation explanation) {
        switch (endReason) {
            case NOT_WAITED:
                return BuildResult.SUCCESS;
            case ABORTED:
                return BuildResult.ABORTED;
            case TIMED_OUT:
                return BuildResult.FAILURE;
            default:
                BuildResult mapped = policy.mapping().resultFor(run.status());
                if (policy.failOnExecutionError() && run.firstFailedExecution().isPresent()
                        && BuildResult.FAILURE.isWorseThan(mapped)) {
                    return BuildResult.FAILURE;
                }
                if (policy.unstableOnDegraded() && explanation.degraded() && BuildResult.UNSTABLE.isWorseThan(mapped)) {
                    return BuildResult.UNSTABLE;
                }
                return mapped;
        }
    }

    public String runUuid() {
        return runUuid;
    }

    public String workflowUuid() {
        return workflowUuid;
    }

    public String status() {
        return status;
    }

    public BuildResult result() {
        return result;
    }

    public EndReason endReason() {
        return endReason;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String failedNodeSlug() {
        return failedNodeSlug;
    }

    public String failedNodeTitle() {
        return failedNodeTitle;
    }

    public String failedNodeError() {
        return failedNodeError;
    }

    /** Each execution as {nodeSlug, nodeKind, title, status, creditsUsed, errorMessage}; a copy. */
    public List<Map<String, Object>> executions() {
        return PlainValues.mapsOf(executions);
    }

    /** The integration the failing node used, for a connector node. */
    public String failedNodeIntegration() {
        return failedNodeIntegration;
    }

    /** Cargo's trace status: pending, error, degraded or success; null when it could not be read. */
    public String traceStatus() {
        return traceStatus;
    }

    /** The child run the failing node started, or null. */
    public String childRunUuid() {
        return childRunUuid;
    }

    public String childFailedNode() {
        return childFailedNode;
    }

    public String childError() {
        return childError;
    }

    /** The credits of the run, its child runs included when Cargo's trace could be read. */
    public BigDecimal creditsUsed() {
        return creditsUsed;
    }

    /** Cargo's runContext: node outputs keyed by node slug; a copy. */
    public Map<String, Object> output() {
        return PlainValues.mapOf(output);
    }

    public Instant createdAt() {
        return createdAt == null ? null : Instant.parse(createdAt);
    }

    public Instant finishedAt() {
        return finishedAt == null ? null : Instant.parse(finishedAt);
    }

    /** Cargo's own run time (created to finished), or null while the run has not finished. */
    public Long durationMillis() {
        return durationMillis;
    }

    /**
     * The outcome as plain values only: {@link LinkedHashMap}, {@link ArrayList}, String, Boolean,
     * numbers and null, built afresh on every call. Pipeline code reads them in the sandbox without any
     * script approval, may change them as it likes, and they survive the program's serialization across
     * a restart unchanged (JDK immutable collections would refuse changes and reorder after a restart).
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("runUuid", runUuid);
        map.put("workflowUuid", workflowUuid);
        map.put("releaseUuid", releaseUuid);
        map.put("status", status);
        map.put("result", result.name());
        map.put("endReason", endReason.name());
        map.put("errorMessage", errorMessage);
        Map<String, Object> failed = null;
        if (failedNodeSlug != null || failedNodeError != null) {
            failed = new LinkedHashMap<>();
            failed.put("nodeSlug", failedNodeSlug);
            failed.put("title", failedNodeTitle);
            failed.put("errorMessage", failedNodeError);
            failed.put("integration", failedNodeIntegration);
            Map<String, Object> child = null;
            if (childRunUuid != null) {
                child = new LinkedHashMap<>();
                child.put("runUuid", childRunUuid);
                child.put("nodeSlug", childFailedNode);
                child.put("errorMessage", childError);
            }
            failed.put("childRun", child);
        }
        map.put("failedNode", failed);
        map.put("executions", PlainValues.mapsOf(executions));
        map.put("creditsUsed", creditsUsed);
        map.put("traceStatus", traceStatus);
        map.put("output", PlainValues.mapOf(output));
        map.put("createdAt", createdAt);
        map.put("finishedAt", finishedAt);
        map.put("durationMillis", durationMillis);
        return map;
    }

    /** Short on purpose: the output can hold anything the workflow produced. */
    @Override
    public String toString() {
        return "RunOutcome[" + runUuid + ", " + status + ", " + result + ", " + endReason + "]";
    }
}
