package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

/**
 * What the simulated API decided to answer, still as a JSON tree so a fault can alter it (see
 * {@link Fault#unknownStatus(String)}) before it goes on the wire.
 */
record ApiReply(int status, ObjectNode body) {

    static ApiReply ok(ObjectNode body) {
        return new ApiReply(200, body);
    }

    /** An error body with the optional keys the real API uses; a null key is left out. */
    static ApiReply error(int status, String reason, String errorMessage) {
        ObjectNode body = JsonCodec.object();
        if (reason != null) {
            body.put("reason", reason);
        }
        if (errorMessage != null) {
            body.put("errorMessage", errorMessage);
        }
        return new ApiReply(status, body);
    }

    static ApiReply invalidData(String errorMessage) {
        return error(400, "invalidData", errorMessage);
    }

    MockResponse toMockResponse() {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(JsonCodec.write(body))
                .build();
    }
}
