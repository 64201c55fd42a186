package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the simulator received it, recorded before any fault or auth check so tests can
 * assert on what the client sent even when the answer was a failure.
 *
 * @param endpoint the route it matched ({@link Endpoint#OTHER} if none)
 * @param method the HTTP method
 * @param path the request target as sent: the path plus any query string
 * @param headers header names in lower case; repeated headers joined with ", "
 * @param body the request body as UTF-8 text, empty when there was none
 * @param receivedAt when the simulator read it
 */
public record SimRequest(
        Endpoint endpoint, String method, String path, Map<String, String> headers, String body, Instant receivedAt) {

    public SimRequest {
        headers = Map.copyOf(headers);
    }

    /** A header's value by case-insensitive name, or null if it was not sent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
