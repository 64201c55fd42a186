package io.jenkins.plugins.cargo.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;

/**
 * A failure that may go away: no connection, a timeout, a cut-off answer, HTTP 429 or a 5xx.
 *
 * <p>{@link #requestMayHaveArrived()} matters for requests that are not safe to repeat: it is false only
 * when the failure happened before a byte of the request was sent, so Cargo cannot have acted on it.
 */
public final class CargoTransientException extends CargoException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean requestMayHaveArrived;

    public CargoTransientException(
            String message,
            int httpStatus,
            @CheckForNull String reason,
            @CheckForNull String errorMessage,
            @CheckForNull Duration retryAfter,
            boolean requestMayHaveArrived,
            @CheckForNull Throwable cause) {
        super(message, httpStatus, reason, errorMessage, cause);
        this.retryAfter = retryAfter;
        this.requestMayHaveArrived = requestMayHaveArrived;
    }

    /** How long Cargo asked us to wait ({@code Retry-After}), if it said. */
    @CheckForNull
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the request may have reached Cargo; false only when no byte of it was sent. */
    public boolean requestMayHaveArrived() {
        return requestMayHaveArrived;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
