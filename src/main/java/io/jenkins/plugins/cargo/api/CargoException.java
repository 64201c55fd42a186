package io.jenkins.plugins.cargo.api;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;

/**
 * Something went wrong talking to Cargo. The message is written for the person reading the build log:
 * it says what happened and what to do. It never contains the API token or the run's data.
 *
 * <p>The subclasses tell callers what they may do next: {@link CargoTransientException} may be tried
 * again, the others may not.
 */
public class CargoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String reason;
    private final String errorMessage;

    public CargoException(String message, int httpStatus, @CheckForNull String reason, @CheckForNull String errorMessage) {
        this(message, httpStatus, reason, errorMessage, null);
    }

    public CargoException(
            String message,
            int httpStatus,
            @CheckForNull String reason,
            @CheckForNull String errorMessage,
            @CheckForNull Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.reason = reason;
        this.errorMessage = errorMessage;
    }

    /** The HTTP status Cargo answered with, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Cargo's machine-readable {@code reason}, such as {@code workflowNotFound}, if it sent one. */
    @CheckForNull
    public String reason() {
        return reason;
    }

    /** Cargo's own {@code errorMessage}, if it sent one. */
    @CheckForNull
    public String errorMessage() {
        return errorMessage;
    }

    /** Whether trying the same request again later may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
