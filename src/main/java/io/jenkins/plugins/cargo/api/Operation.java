package io.jenkins.plugins.cargo.api;

/**
 * Which API call is under way, for messages and for the rules that differ per call (only a create may
 * never be repeated; only a get names a run).
 */
record Operation(Kind kind, String description, String runUuid, CreateRunRequest createRequest) {
    enum Kind {
        CREATE,
        GET,
        CANCEL,
        LIST
    }

    static Operation create(CreateRunRequest request) {
        return new Operation(Kind.CREATE, "creating a run of workflow " + request.workflowUuid(), null, request);
    }

    static Operation get(String runUuid) {
        return new Operation(Kind.GET, "reading run " + runUuid, runUuid, null);
    }

    static Operation cancel(String runUuid) {
        return new Operation(Kind.CANCEL, "cancelling run " + runUuid, runUuid, null);
    }

    static Operation list(String workflowUuid) {
        return new Operation(Kind.LIST, "listing the runs of workflow " + workflowUuid, null, null);
    }
}
