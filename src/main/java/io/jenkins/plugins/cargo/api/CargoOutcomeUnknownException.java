package io.jenkins.plugins.cargo.api;

/**
 * A create-run request may have reached Cargo, no answer came back, and the run could not be identified
 * afterwards. The run may or may not exist; the plugin never sends the request a second time, because
 * that could start (and bill) the workflow twice. The message says what to check in Cargo.
 */
public final class CargoOutcomeUnknownException extends CargoException {
    private static final long serialVersionUID = 1L;

    public CargoOutcomeUnknownException(String message, Throwable cause) {
        super(message, 0, null, null, cause);
    }
}
