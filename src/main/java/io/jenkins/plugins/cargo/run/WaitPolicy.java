package io.jenkins.plugins.cargo.run;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How to wait for a run: how often to look, for how long, what to do at the timeout, and how the end
 * maps to a build result. Validated by {@link RunOptions.Builder}; serializable so a wait can resume
 * after a controller restart.
 */
public final class WaitPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(2);
    static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    private final Duration pollInterval;
    private final Duration timeout;
    private final boolean cancelOnTimeout;
    private final OutcomeMapping mapping;
    private final boolean failOnExecutionError;
    private final boolean waitForCapacity;
    private final boolean unstableOnDegraded;

    WaitPolicy(Duration pollInterval, Duration timeout, boolean cancelOnTimeout, OutcomeMapping mapping,
            boolean failOnExecutionError, boolean waitForCapacity, boolean unstableOnDegraded) {
        this.pollInterval = Objects.requireNonNull(pollInterval);
        this.timeout = Objects.requireNonNull(timeout);
        this.cancelOnTimeout = cancelOnTimeout;
        this.mapping = Objects.requireNonNull(mapping);
        this.failOnExecutionError = failOnExecutionError;
        this.waitForCapacity = waitForCapacity;
        this.unstableOnDegraded = unstableOnDegraded;
    }

    /** 5 s polls, a 60 min timeout that cancels the run, the default mapping, waiting for capacity. */
    public static WaitPolicy defaults() {
        return new WaitPolicy(DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT, true, OutcomeMapping.defaults(), false, true, false);
    }

    /** The interval of the first minutes; later polls space out to at most 30 s (or this, if longer). */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** How long to wait in all; {@link Duration#ZERO} for no limit. */
    public Duration timeout() {
        return timeout;
    }

    public boolean hasTimeout() {
        return !timeout.isZero();
    }

    public boolean cancelOnTimeout() {
        return cancelOnTimeout;
    }

    public OutcomeMapping mapping() {
        return mapping;
    }

    /** Whether a successful run with an execution in error fails the build anyway. */
    public boolean failOnExecutionError() {
        return failOnExecutionError;
    }

    /**
     * Whether a create that Cargo refused for lack of capacity (its workspace's concurrent-run limit, or a
     * bare 429) is sent again later, within the timeout, rather than failing the build at once.
     */
    public boolean waitForCapacity() {
        return waitForCapacity;
    }

    /** Whether a successful run whose trace is degraded (a node failed and its fallback ran) makes the build UNSTABLE. */
    public boolean unstableOnDegraded() {
        return unstableOnDegraded;
    }

    @Override
    public String toString() {
        return "WaitPolicy[poll " + pollInterval + ", timeout " + timeout + ", cancelOnTimeout " + cancelOnTimeout
                + ", " + mapping + ", failOnExecutionError " + failOnExecutionError
                + ", waitForCapacity " + waitForCapacity + ", unstableOnDegraded " + unstableOnDegraded + "]";
    }
}
