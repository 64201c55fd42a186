package io.jenkins.plugins.cargo.api;

/**
 * Cargo (or something between Jenkins and Cargo, such as a proxy) answered with a body this client
 * cannot use: empty, not JSON, not the expected shape, or larger than the client reads.
 */
public final class CargoBadResponseException extends CargoException {
    private static final long serialVersionUID = 1L;

    public CargoBadResponseException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, null, null, cause);
    }
}
