package io.jenkins.plugins.cargo.api;

/**
 * Cargo understood the request and refused it (a 4xx other than 401, 403, 404 and 429), for example
 * a create-run {@code reason} such as {@code workflowNotFound} or {@code notEnoughCredits}. The message
 * names the fix.
 */
public final class CargoRejectedException extends CargoException {
    private static final long serialVersionUID = 1L;

    public CargoRejectedException(String message, int httpStatus, String reason, String errorMessage) {
        super(message, httpStatus, reason, errorMessage);
    }

    public CargoRejectedException(String message, int httpStatus, String reason, String errorMessage, Throwable cause) {
        super(message, httpStatus, reason, errorMessage, cause);
    }
}
