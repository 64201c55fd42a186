package io.jenkins.plugins.cargo.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cargo orchestration run as the API last reported it. Immutable.
 *
 * <p>{@link #output()} is Cargo's {@code runContext}: each node's output keyed by node slug, as plain
 * Java values (maps, lists, strings, numbers, booleans and nulls). Only the answer to reading a finished
 * run carries it; a run from create or list, or one still going, has an empty output.
 */
public final class CargoRun {
    private final String uuid;
    private final String workflowUuid;
    private final String releaseUuid;
    private final String traceUuid;
    private final RunStatus status;
    private final String errorMessage;
    private final List<CargoExecution> executions;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant finishedAt;
    private final Map<String, Object> output;

    private CargoRun(Builder builder) {
        this.uuid = Objects.requireNonNull(builder.uuid, "uuid");
        this.workflowUuid = builder.workflowUuid;
        this.releaseUuid = builder.releaseUuid;
        this.traceUuid = builder.traceUuid;
        this.status = Objects.requireNonNull(builder.status, "status");
        this.errorMessage = builder.errorMessage;
        this.executions = List.copyOf(builder.executions);
        this.createdAt = builder.createdAt;
        this.updatedAt = builder.updatedAt;
        this.finishedAt = builder.finishedAt;
        this.output = builder.output;
    }

    public static Builder builder(String uuid, RunStatus status) {
        return new Builder(uuid, status);
    }

    @NonNull
    public String uuid() {
        return uuid;
    }

    @CheckForNull
    public String workflowUuid() {
        return workflowUuid;
    }

    @CheckForNull
    public String releaseUuid() {
        return releaseUuid;
    }

    /** Cargo's trace of this run and the child runs it started, or null when Cargo did not say. */
    @CheckForNull
    public String traceUuid() {
        return traceUuid;
    }

    @NonNull
    public RunStatus status() {
        return status;
    }

    /** Cargo's run-level error text, if any. */
    @CheckForNull
    public String errorMessage() {
        return errorMessage;
    }

    @NonNull
    public List<CargoExecution> executions() {
        return executions;
    }

    @CheckForNull
    public Instant createdAt() {
        return createdAt;
    }

    @CheckForNull
    public Instant updatedAt() {
        return updatedAt;
    }

    @CheckForNull
    public Instant finishedAt() {
        return finishedAt;
    }

    /** Cargo's {@code runContext}: node outputs keyed by node slug. Unmodifiable; empty when not reported. */
    @NonNull
    public Map<String, Object> output() {
        return output;
    }

    /**
     * Whether the run is over. Cargo's status decides; a set {@code finishedAt} is not enough on its
     * own, because a status this client does not know yet must stay bounded by the caller's timeout.
     */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** The first execution that ended in error: where Cargo's own tools look for the failing node. */
    public Optional<CargoExecution> firstFailedExecution() {
        return executions.stream()
                .filter(e -> RunStatus.ERROR.equals(e.status()))
                .findFirst();
    }

    /** The credits all executions used; Cargo reports credits per execution only. */
    public BigDecimal creditsUsed() {
        return executions.stream().map(CargoExecution::creditsUsed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Deliberately short: a run's output can hold anything the workflow produced, so it is never printed. */
    @Override
    public String toString() {
        return "CargoRun[" + uuid + ", " + status + "]";
    }

    /** Builds a run; used by the JSON reader and by tests. */
    public static final class Builder {
        private final String uuid;
        private final RunStatus status;
        private String workflowUuid;
        private String releaseUuid;
        private String traceUuid;
        private String errorMessage;
        private List<CargoExecution> executions = List.of();
        private Instant createdAt;
        private Instant updatedAt;
        private Instant finishedAt;
        private Map<String, Object> output = Map.of();

        private Builder(String uuid, RunStatus status) {
            this.uuid = uuid;
            this.status = status;
        }

        public Builder workflowUuid(String value) {
            this.workflowUuid = value;
            return this;
        }

        public Builder releaseUuid(String value) {
            this.releaseUuid = value;
            return this;
        }

        public Builder traceUuid(String value) {
            this.traceUuid = value;
            return this;
        }

        public Builder errorMessage(String value) {
            this.errorMessage = value;
            return this;
        }

        public Builder executions(List<CargoExecution> value) {
            this.executions = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        public Builder finishedAt(Instant value) {
            this.finishedAt = value;
            return this;
        }

        /** The output; the map must already be unmodifiable all the way down. */
        public Builder output(Map<String, Object> value) {
            this.output = Objects.requireNonNull(value, "output");
            return this;
        }

        public CargoRun build() {
            return new CargoRun(this);
        }
    }
}
