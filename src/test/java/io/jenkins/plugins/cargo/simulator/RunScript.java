package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a simulated run evolves. A run takes its workflow's script when it is created, so changing
 * scripts later does not alter runs already made.
 *
 * <p>Two forms exist: a stepped script advances one step per answered GET (the last step repeats
 * forever), which lets tests say exactly what the n-th poll sees; a timed script follows the wall
 * clock, which lets a benchmark have many runs end at different moments no matter how often they are
 * polled.
 */
public final class RunScript {

    private static final String DEFAULT_CREATE_STATUS = "pending";
    private static final int DEFAULT_CANCEL_POLLS = 1;

    private final String createStatus;
    private final List<RunStep> steps;
    private final String errorMessage;
    private final JsonNode output;
    private final int cancelPolls;
    /** Non-null only for a timed script. */
    private final Duration runFor;

    private RunScript(
            String createStatus,
            List<RunStep> steps,
            String errorMessage,
            JsonNode output,
            int cancelPolls,
            Duration runFor) {
        this.createStatus = createStatus;
        this.steps = List.copyOf(steps);
        this.errorMessage = errorMessage;
        this.output = output;
        this.cancelPolls = cancelPolls;
        this.runFor = runFor;
    }

    /**
     * The i-th GET shows {@code statuses[i]}; the last one repeats. Any string is allowed, so tests can
     * feed a client statuses it does not know.
     */
    public static RunScript of(String... statuses) {
        Builder builder = builder();
        Arrays.stream(statuses).forEach(builder::step);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * "running" until {@code createdAt + runFor} on the wall clock, then {@code terminalStatus}; the
     * run's terminalAt is exactly {@code createdAt + runFor}, however late it is polled.
     */
    public static RunScript timed(Duration runFor, String terminalStatus) {
        Objects.requireNonNull(terminalStatus, "terminalStatus");
        if (runFor.isNegative()) {
            throw new IllegalArgumentException("runFor must not be negative: " + runFor);
        }
        List<RunStep> steps = List.of(RunStep.of("running"), RunStep.of(terminalStatus));
        return new RunScript("running", steps, null, null, DEFAULT_CANCEL_POLLS, runFor);
    }

    String createStatus() {
        return createStatus;
    }

    boolean isTimed() {
        return runFor != null;
    }

    /** The step a stepped script shows at the GET with this zero-based index. */
    RunStep stepAt(int getIndex) {
        return steps.get(Math.min(getIndex, steps.size() - 1));
    }

    /** The step a timed script shows at {@code now}. */
    RunStep stepAt(Instant createdAt, Instant now) {
        return now.isBefore(scheduledEnd(createdAt)) ? steps.get(0) : steps.get(1);
    }

    /** When a timed run becomes terminal. */
    Instant scheduledEnd(Instant createdAt) {
        return createdAt.plus(runFor);
    }

    String errorMessage() {
        return errorMessage;
    }

    /** The runContext shown once the script has finished the run, or null to show the default. */
    JsonNode output() {
        return output;
    }

    int cancelPolls() {
        return cancelPolls;
    }

    /** Builds a stepped script whose steps are full snapshots (status plus executions). */
    public static final class Builder {
        private String createStatus = DEFAULT_CREATE_STATUS;
        private final List<RunStep> steps = new ArrayList<>();
        private String errorMessage;
        private JsonNode output;
        private int cancelPolls = DEFAULT_CANCEL_POLLS;

        private Builder() {}

        /** The status in the create response and before the first GET. Default "pending". */
        public Builder createStatus(String status) {
            this.createStatus = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Appends what the next GET shows. */
        public Builder step(String status, SimExecution... executions) {
            steps.add(new RunStep(status, List.of(executions)));
            return this;
        }

        /** The run's errorMessage, shown only once the script has brought the run to a terminal status. */
        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        /**
         * The runContext (per-node outputs keyed by node slug) shown once the script has brought the run
         * to a terminal status; before that GET shows {@code {"start": data}}.
         */
        public Builder output(Map<String, Object> runContext) {
            this.output = JsonCodec.tree(runContext);
            return this;
        }

        /** How many GETs after a cancel still show "cancelling" before "cancelled". Default 1. */
        public Builder cancelPolls(int cancelPolls) {
            if (cancelPolls < 0) {
                throw new IllegalArgumentException("cancelPolls must not be negative: " + cancelPolls);
            }
            this.cancelPolls = cancelPolls;
            return this;
        }

        public RunScript build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a run script needs at least one step");
            }
            return new RunScript(createStatus, steps, errorMessage, output, cancelPolls, null);
        }
    }
}
