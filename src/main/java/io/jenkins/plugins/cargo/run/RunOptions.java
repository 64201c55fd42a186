package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.JsonData;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything one {@code cargoRun} needs: what to run and how to wait for it. Immutable; made only
 * through {@link Builder#build()}, which checks every field and names the field and the fix in its error.
 * Serializable, so that a wait the controller restarted before anything was sent can start afresh.
 */
public final class RunOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String workflowUuid;
    private final JsonData data;
    private final String releaseUuid;
    private final boolean waitForRun;
    private final WaitPolicy waitPolicy;
    private final List<String> warnings;
    private final boolean validateData;

    private RunOptions(String workflowUuid, JsonData data, String releaseUuid, boolean waitForRun,
            WaitPolicy waitPolicy, List<String> warnings, boolean validateData) {
        this.workflowUuid = workflowUuid;
        this.data = data;
        this.releaseUuid = releaseUuid;
        this.waitForRun = waitForRun;
        this.waitPolicy = waitPolicy;
        // A plain list: the options are serialized with the Pipeline's program state.
        this.warnings = new ArrayList<>(warnings);
        this.validateData = validateData;
    }

    public static Builder builder(String workflowUuid, Object data) {
        return new Builder(workflowUuid, data);
    }

    /**
     * A builder for the waiting options alone ({@link Builder#buildWaitPolicy()}), for following a run
     * that was started earlier.
     */
    public static Builder waitOptions() {
        return new Builder(null, null);
    }

    public String workflowUuid() {
        return workflowUuid;
    }

    public JsonData data() {
        return data;
    }

    public String releaseUuid() {
        return releaseUuid;
    }

    /** Whether to wait for the run to end (the default) or return once it is created. */
    public boolean waitForRun() {
        return waitForRun;
    }

    public WaitPolicy waitPolicy() {
        return waitPolicy;
    }

    /** Whether data is checked against the release's input form before the create (the default). */
    public boolean validateData() {
        return validateData;
    }

    /** Things that are allowed but probably not meant, for the build log. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public CreateRunRequest createRequest() {
        return new CreateRunRequest(workflowUuid, data, releaseUuid);
    }

    @Override
    public String toString() {
        return "RunOptions[workflow " + workflowUuid + ", " + data + ", wait " + waitForRun + ", " + waitPolicy + "]";
    }

    /**
     * Collects the options as the user gave them. The names of the setters are the names of the step's
     * parameters, so that an error message names the parameter the user wrote.
     */
    public static final class Builder {
        private final String workflowUuid;
        private final Object data;
        private String releaseUuid;
        private boolean waitForRun = true;
        private long pollIntervalSeconds = WaitPolicy.DEFAULT_POLL_INTERVAL.toSeconds();
        private long timeoutMinutes = WaitPolicy.DEFAULT_TIMEOUT.toMinutes();
        private boolean cancelOnTimeout = true;
        private OutcomeMapping mapping = OutcomeMapping.defaults();
        private boolean failOnExecutionError;
        private boolean waitForCapacity = true;
        private boolean unstableOnDegraded;
        private boolean validateData = true;

        private Builder(String workflowUuid, Object data) {
            this.workflowUuid = workflowUuid;
            this.data = data;
        }

        /** Pins a release; null or blank runs the workflow's deployed release. */
        public Builder releaseUuid(String value) {
            this.releaseUuid = value;
            return this;
        }

        public Builder waitForRun(boolean value) {
            this.waitForRun = value;
            return this;
        }

        public Builder pollIntervalSeconds(long value) {
            this.pollIntervalSeconds = value;
            return this;
        }

        /** 0 waits without a limit. */
        public Builder timeoutMinutes(long value) {
            this.timeoutMinutes = value;
            return this;
        }

        public Builder cancelOnTimeout(boolean value) {
            this.cancelOnTimeout = value;
            return this;
        }

        public Builder resultOnError(BuildResult value) {
            this.mapping = mapping.onError(value);
            return this;
        }

        public Builder resultOnCancelled(BuildResult value) {
            this.mapping = mapping.onCancelled(value);
            return this;
        }

        public Builder resultOnSkipped(BuildResult value) {
            this.mapping = mapping.onSkipped(value);
            return this;
        }

        public Builder failOnExecutionError(boolean value) {
            this.failOnExecutionError = value;
            return this;
        }

        /** Whether to create again later when Cargo refuses for lack of capacity (the default), or fail at once. */
        public Builder waitForCapacity(boolean value) {
            this.waitForCapacity = value;
            return this;
        }

        /** Whether a successful run whose Cargo trace is degraded makes the build UNSTABLE (off by default). */
        public Builder unstableOnDegraded(boolean value) {
            this.unstableOnDegraded = value;
            return this;
        }

        /**
         * Whether to check data against the release's input form before creating the run (the default);
         * when the form cannot be read, the run is created anyway.
         */
        public Builder validateData(boolean value) {
            this.validateData = value;
            return this;
        }

        /**
         * Checks and builds the options.
         *
         * @throws IllegalArgumentException naming the first bad field and how to fix it
         */
        public RunOptions build() {
            String workflow = requiredUuid("workflowUuid", workflowUuid,
                    " It is the workflowUuid of a Cargo tool (from the tool list), such as"
                            + " 0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f.");
            String release = releaseUuid == null || releaseUuid.isBlank()
                    ? null
                    : requiredUuid("releaseUuid", releaseUuid, " Leave it out to run the deployed release.");
            JsonData json = JsonData.of(data);
            List<String> warnings = new ArrayList<>();
            if (!json.isObject()) {
                warnings.add("data is not a JSON object. Cargo tools read their inputs from the keys of an object,"
                        + " such as [domain: 'acme.com']; a list, string or number reaches the tool as it is.");
            }
            return new RunOptions(workflow, json, release, waitForRun, buildWaitPolicy(), warnings, validateData);
        }

        /**
         * Checks and builds how to wait: the poll interval, the timeout and the result mapping.
         *
         * @throws IllegalArgumentException naming the first bad field and how to fix it
         */
        public WaitPolicy buildWaitPolicy() {
            if (pollIntervalSeconds < WaitPolicy.MIN_POLL_INTERVAL.toSeconds()
                    || pollIntervalSeconds > WaitPolicy.MAX_POLL_INTERVAL.toSeconds()) {
                throw new IllegalArgumentException("pollIntervalSeconds is " + pollIntervalSeconds + "; use a value from "
                        + WaitPolicy.MIN_POLL_INTERVAL.toSeconds() + " to " + WaitPolicy.MAX_POLL_INTERVAL.toSeconds()
                        + " seconds (the default is " + WaitPolicy.DEFAULT_POLL_INTERVAL.toSeconds() + ").");
            }
            if (timeoutMinutes < 0) {
                throw new IllegalArgumentException("timeoutMinutes is " + timeoutMinutes
                        + "; use a number of minutes, or 0 to wait without a limit (the default is "
                        + WaitPolicy.DEFAULT_TIMEOUT.toMinutes() + ").");
            }
            return new WaitPolicy(Duration.ofSeconds(pollIntervalSeconds), Duration.ofMinutes(timeoutMinutes),
                    cancelOnTimeout, mapping, failOnExecutionError, waitForCapacity, unstableOnDegraded);
        }

        static String requiredUuid(String field, String value, String hint) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field + " is missing." + hint);
            }
            String trimmed = value.strip();
            if (!UUID.matcher(trimmed).matches()) {
                throw new IllegalArgumentException(field + " '" + abbreviate(trimmed) + "' is not a UUID."
                        + " A UUID has 32 hexadecimal digits in groups of 8-4-4-4-12." + hint);
            }
            return trimmed;
        }

        private static String abbreviate(String value) {
            return value.length() <= 60 ? value : value.substring(0, 60) + "…";
        }
    }
}
