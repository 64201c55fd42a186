package io.jenkins.plugins.cargo.simulator;

/** A request body or query the API refuses with 400 invalidData; thrown while reading it, turned into the reply. */
final class InvalidDataException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidDataException(String errorMessage) {
        super(errorMessage, null, false, false);
    }

    ApiReply reply() {
        return ApiReply.invalidData(getMessage());
    }
}
