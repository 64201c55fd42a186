package io.jenkins.plugins.cargo.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults waiting for their request: FIFO per endpoint, with {@link Endpoint#ANY} as the fallback queue. */
final class FaultQueues {

    private final Map<Endpoint, Queue<Fault>> queues = new EnumMap<>(Endpoint.class);

    FaultQueues() {
        for (Endpoint endpoint : Endpoint.values()) {
            queues.put(endpoint, new ConcurrentLinkedQueue<>());
        }
    }

    void enqueue(Endpoint endpoint, Fault fault) {
        queues.get(Objects.requireNonNull(endpoint, "endpoint")).add(Objects.requireNonNull(fault, "fault"));
    }

    /** Takes the fault for a request to {@code endpoint}, or returns null if none is waiting. */
    Fault take(Endpoint endpoint) {
        Fault specific = queues.get(endpoint).poll();
        return specific != null ? specific : queues.get(Endpoint.ANY).poll();
    }
}
