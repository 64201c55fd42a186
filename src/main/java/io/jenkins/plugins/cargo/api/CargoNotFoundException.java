package io.jenkins.plugins.cargo.api;

/** Cargo answered HTTP 404: the run (or the path) does not exist for this token's workspace. */
public final class CargoNotFoundException extends CargoException {
    private static final long serialVersionUID = 1L;

    public CargoNotFoundException(String message, String reason, String errorMessage) {
        super(message, 404, reason, errorMessage);
    }
}
