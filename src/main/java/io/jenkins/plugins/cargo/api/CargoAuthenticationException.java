package io.jenkins.plugins.cargo.api;

/** Cargo refused the API token (HTTP 401) or its rights (HTTP 403). Trying again with the same token cannot help. */
public final class CargoAuthenticationException extends CargoException {
    private static final long serialVersionUID = 1L;

    public CargoAuthenticationException(String message, int httpStatus, String reason, String errorMessage) {
        super(message, httpStatus, reason, errorMessage);
    }
}
