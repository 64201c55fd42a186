package io.jenkins.plugins.cargo.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request received, in arrival order. A plain synchronized list rather than a copy-on-write
 * one: a benchmark records tens of thousands of polls, and copying on every add would be quadratic.
 */
final class RequestJournal {

    private final List<SimRequest> requests = new ArrayList<>();

    synchronized void add(SimRequest request) {
        requests.add(request);
    }

    synchronized List<SimRequest> all() {
        return List.copyOf(requests);
    }

    /** Requests to one endpoint; {@link Endpoint#ANY} means all of them. */
    synchronized List<SimRequest> to(Endpoint endpoint) {
        if (endpoint == Endpoint.ANY) {
            return all();
        }
        return requests.stream().filter(request -> request.endpoint() == endpoint).toList();
    }
}
