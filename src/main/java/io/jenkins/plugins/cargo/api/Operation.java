package io.jenkins.plugins.cargo.api;

/**
 * Which API call is under way, for messages and for the rules that differ per call (only a create may
 * never be repeated; only a cancel's answer carries nothing to read).
 *
 * @param missing what an HTTP 404 means for this call, or null when it can only mean a wrong API URL
 */
record Operation(Kind kind, String description, String missing, CreateRunRequest createRequest) {
    enum Kind {
        CREATE,
        READ,
        CANCEL
    }

    static Operation create(CreateRunRequest request) {
        return new Operation(Kind.CREATE, "creating a run of workflow " + request.workflowUuid(), null, request);
    }

    static Operation get(String runUuid) {
        return read("reading run " + runUuid, "Cargo has no run " + runUuid + " (HTTP 404). It may have been deleted,"
                + " or the API token belongs to another workspace than the run.");
    }

    static Operation cancel(String runUuid) {
        return new Operation(Kind.CANCEL, "cancelling run " + runUuid,
                "Cargo has no run " + runUuid + " (HTTP 404). It may have been deleted,"
                        + " or the API token belongs to another workspace than the run.", null);
    }

    static Operation list(String workflowUuid) {
        return read("listing the runs of workflow " + workflowUuid, null);
    }

    static Operation read(String description, String missing) {
        return new Operation(Kind.READ, description, missing, null);
    }
}
