package io.jenkins.plugins.cargo.api;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The status of a Cargo run or of one of its executions.
 *
 * <p>Not an enum on purpose: Cargo may add a status value at any time, and a client that failed on an
 * unknown value would break every build that is waiting at that moment. An unknown value is kept as
 * it was received, counts as still running, and is bounded only by the caller's timeout.
 */
public final class RunStatus implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final RunStatus IDLE = new RunStatus("idle", false, false);
    public static final RunStatus PENDING = new RunStatus("pending", false, false);
    public static final RunStatus RUNNING = new RunStatus("running", false, false);
    public static final RunStatus SUCCESS = new RunStatus("success", true, true);
    public static final RunStatus ERROR = new RunStatus("error", true, false);
    public static final RunStatus CANCELLING = new RunStatus("cancelling", false, false);
    public static final RunStatus CANCELLED = new RunStatus("cancelled", true, false);
    public static final RunStatus SKIPPED = new RunStatus("skipped", true, false);

    private static final Map<String, RunStatus> KNOWN = Map.of(
            IDLE.value, IDLE,
            PENDING.value, PENDING,
            RUNNING.value, RUNNING,
            SUCCESS.value, SUCCESS,
            ERROR.value, ERROR,
            CANCELLING.value, CANCELLING,
            CANCELLED.value, CANCELLED,
            SKIPPED.value, SKIPPED);

    private final String value;
    private final boolean terminal;
    private final boolean successful;

    private RunStatus(String value, boolean terminal, boolean successful) {
        this.value = value;
        this.terminal = terminal;
        this.successful = successful;
    }

    /** The status for a value as Cargo sends it; an unknown value gives a non-terminal status that keeps it. */
    public static RunStatus of(String value) {
        Objects.requireNonNull(value, "value");
        RunStatus known = KNOWN.get(value.toLowerCase(Locale.ROOT));
        return known != null ? known : new RunStatus(value, false, false);
    }

    /** The value exactly as Cargo sent it (lower case for the documented values). */
    public String value() {
        return value;
    }

    /** Whether the run will not change any more: success, error, cancelled or skipped. */
    public boolean isTerminal() {
        return terminal;
    }

    /** Whether this is the one status that means the run did what it was asked to. */
    public boolean isSuccess() {
        return successful;
    }

    /** Whether Cargo documents this value; an unknown one came from a newer Cargo than this plugin knows. */
    public boolean isKnown() {
        return KNOWN.containsKey(value);
    }

    private Object readResolve() {
        // Keeps the constants unique after a controller restart deserializes a saved status.
        return of(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunStatus that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
