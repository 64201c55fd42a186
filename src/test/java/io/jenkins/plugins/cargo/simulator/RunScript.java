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
 * forever), which lets tests say exactly what the n-th poll sees; a timed script (a timeline) follows
 * the simulator's clock, which lets a benchmark have many runs end at different moments no matter how
 * often they are polled, and lets a standalone simulator serve runs that take a realistic time.
 */
public final class RunScript {

    private static final String DEFAULT_CREATE_STATUS = "pending";
    private static final int DEFAULT_CANCEL_POLLS = 1;

    private final String createStatus;
    private final List<RunStep> steps;
    private final String errorMessage;
    private final JsonNode output;
    private final int cancelPolls;
    /** For a timed script, when each step takes effect, counted from the run's createdAt; else null. */
    private final List<Duration> offsets;

    private RunScript(
            String createStatus,
            List<RunStep> steps,
            String errorMessage,
            JsonNode output,
            int cancelPolls,
            List<Duration> offsets) {
        this.createStatus = createStatus;
        this.steps = List.copyOf(steps);
        this.errorMessage = errorMessage;
        this.output = output;
        this.cancelPolls = cancelPolls;
        this.offsets = offsets == null ? null : List.copyOf(offsets);
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
        return timeline().at(Duration.ZERO, "running").at(runFor, terminalStatus).build();
    }

    /**
     * A timed script of full snapshots, each taking effect a given time after the run's createdAt on
     * the simulator's clock. A run polled late has still gone through every step at its own time: an
     * execution's startedAt and the run's finishedAt are those of the steps, not of the poll.
     */
    public static Timeline timeline() {
        return new Timeline();
    }

    String createStatus() {
        return createStatus;
    }

    boolean isTimed() {
        return offsets != null;
    }

    /** The step a stepped script shows at the GET with this zero-based index. */
    RunStep stepAt(int getIndex) {
        return steps.get(Math.min(getIndex, steps.size() - 1));
    }

    /** How many steps of a timed script have taken effect for a run created at {@code createdAt}. */
    int timedStepsDue(Instant createdAt, Instant now) {
        int due = 0;
        while (due < offsets.size() && !createdAt.plus(offsets.get(due)).isAfter(now)) {
            due++;
        }
        return due;
    }

    /** The i-th step of a timed script. */
    RunStep timedStep(int index) {
        return steps.get(index);
    }

    /** When the i-th step of a timed script takes effect for a run created at {@code createdAt}. */
    Instant timedStepAt(Instant createdAt, int index) {
        return createdAt.plus(offsets.get(index));
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

    /**
     * Builds a timed script. Before its first step takes effect a run shows its create status with no
     * executions; a step at {@link Duration#ZERO} is what the create response already shows.
     */
    public static final class Timeline {
        private String createStatus = DEFAULT_CREATE_STATUS;
        private final List<Duration> offsets = new ArrayList<>();
        private final List<RunStep> steps = new ArrayList<>();
        private String errorMessage;
        private JsonNode output;
        private int cancelPolls = DEFAULT_CANCEL_POLLS;

        private Timeline() {}

        /** The status shown until the first step takes effect. Default "pending". */
        public Timeline createStatus(String status) {
            this.createStatus = Objects.requireNonNull(status, "status");
            return this;
        }

        /** What the run shows from {@code after} its creation on; steps must be given in time order. */
        public Timeline at(Duration after, String status, SimExecution... executions) {
            if (after.isNegative()) {
                throw new IllegalArgumentException("a step cannot come before the run: " + after);
            }
            if (!offsets.isEmpty() && after.compareTo(offsets.get(offsets.size() - 1)) < 0) {
                throw new IllegalArgumentException("steps must be in time order: " + after + " comes after "
                        + offsets.get(offsets.size() - 1));
            }
            offsets.add(after);
            steps.add(new RunStep(status, List.of(executions)));
            return this;
        }

        /** As {@link Builder#errorMessage(String)}. */
        public Timeline errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        /** As {@link Builder#output(Map)}. */
        public Timeline output(Map<String, Object> runContext) {
            this.output = JsonCodec.tree(runContext);
            return this;
        }

        /** As {@link Builder#cancelPolls(int)}. */
        public Timeline cancelPolls(int cancelPolls) {
            if (cancelPolls < 0) {
                throw new IllegalArgumentException("cancelPolls must not be negative: " + cancelPolls);
            }
            this.cancelPolls = cancelPolls;
            return this;
        }

        public RunScript build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a timeline needs at least one step");
            }
            return new RunScript(createStatus, steps, errorMessage, output, cancelPolls, offsets);
        }
    }
}
