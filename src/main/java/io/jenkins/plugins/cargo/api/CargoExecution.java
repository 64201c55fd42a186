package io.jenkins.plugins.cargo.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One node's execution inside a Cargo run, as Cargo reported it. Immutable. */
public final class CargoExecution {
    private final String nodeUuid;
    private final String nodeSlug;
    private final String nodeKind;
    private final String title;
    private final RunStatus status;
    private final String errorMessage;
    private final BigDecimal creditsUsed;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final Integer nodeChildIndex;
    private final String nodeIntegrationSlug;
    private final String nodeActionSlug;
    private final String nodeRunUuid;

    public CargoExecution(
            @CheckForNull String nodeUuid,
            @CheckForNull String nodeSlug,
            @CheckForNull String nodeKind,
            @CheckForNull String title,
            @NonNull RunStatus status,
            @CheckForNull String errorMessage,
            @CheckForNull BigDecimal creditsUsed,
            @CheckForNull Instant startedAt,
            @CheckForNull Instant finishedAt) {
        this(nodeUuid, nodeSlug, nodeKind, title, status, errorMessage, creditsUsed, startedAt, finishedAt, null);
    }

    /**
     * @param nodeChildIndex which pass of the node this is, when Cargo numbers them (a node inside a loop
     *     runs once per item)
     */
    public CargoExecution(
            @CheckForNull String nodeUuid,
            @CheckForNull String nodeSlug,
            @CheckForNull String nodeKind,
            @CheckForNull String title,
            @NonNull RunStatus status,
            @CheckForNull String errorMessage,
            @CheckForNull BigDecimal creditsUsed,
            @CheckForNull Instant startedAt,
            @CheckForNull Instant finishedAt,
            @CheckForNull Integer nodeChildIndex) {
        this(nodeUuid, nodeSlug, nodeKind, title, status, errorMessage, creditsUsed, startedAt, finishedAt, nodeChildIndex,
                null, null, null);
    }

    private CargoExecution(String nodeUuid, String nodeSlug, String nodeKind, String title, RunStatus status,
            String errorMessage, BigDecimal creditsUsed, Instant startedAt, Instant finishedAt, Integer nodeChildIndex,
            String nodeIntegrationSlug, String nodeActionSlug, String nodeRunUuid) {
        this.nodeIntegrationSlug = nodeIntegrationSlug;
        this.nodeActionSlug = nodeActionSlug;
        this.nodeRunUuid = nodeRunUuid;
        this.nodeChildIndex = nodeChildIndex;
        this.nodeUuid = nodeUuid;
        this.nodeSlug = nodeSlug;
        this.nodeKind = nodeKind;
        this.title = title;
        this.status = Objects.requireNonNull(status, "status");
        this.errorMessage = errorMessage;
        this.creditsUsed = creditsUsed == null ? BigDecimal.ZERO : creditsUsed;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
    }

    /**
     * The same execution with what its node reached out to: the integration and action of a connector
     * node, the action of a native one, the child run a tool node started.
     */
    public CargoExecution withNode(@CheckForNull String integrationSlug, @CheckForNull String actionSlug,
            @CheckForNull String childRunUuid) {
        return new CargoExecution(nodeUuid, nodeSlug, nodeKind, title, status, errorMessage, creditsUsed, startedAt,
                finishedAt, nodeChildIndex, integrationSlug, actionSlug, childRunUuid);
    }

    /** The integration a connector node used, such as {@code hubspot}. */
    @CheckForNull
    public String nodeIntegrationSlug() {
        return nodeIntegrationSlug;
    }

    @CheckForNull
    public String nodeActionSlug() {
        return nodeActionSlug;
    }

    /** The child run a tool node started, or null. */
    @CheckForNull
    public String nodeRunUuid() {
        return nodeRunUuid;
    }

    /** Which pass of its node this execution is, or null when Cargo does not number it. */
    @CheckForNull
    public Integer nodeChildIndex() {
        return nodeChildIndex;
    }

    @CheckForNull
    public String nodeUuid() {
        return nodeUuid;
    }

    @CheckForNull
    public String nodeSlug() {
        return nodeSlug;
    }

    @CheckForNull
    public String nodeKind() {
        return nodeKind;
    }

    /** Cargo's short human summary of what the node did; may be truncated by Cargo. */
    @CheckForNull
    public String title() {
        return title;
    }

    @NonNull
    public RunStatus status() {
        return status;
    }

    @CheckForNull
    public String errorMessage() {
        return errorMessage;
    }

    /** Credits this execution used; zero when Cargo did not say. */
    @NonNull
    public BigDecimal creditsUsed() {
        return creditsUsed;
    }

    @CheckForNull
    public Instant startedAt() {
        return startedAt;
    }

    @CheckForNull
    public Instant finishedAt() {
        return finishedAt;
    }

    /** Whether this execution is over; Cargo's execution statuses are pending, success and error. */
    public boolean isFinished() {
        return status.isTerminal() || finishedAt != null;
    }

    @Override
    public String toString() {
        return "CargoExecution[" + nodeSlug + ", " + status + "]";
    }
}
