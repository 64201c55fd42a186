package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * mockwebserver3's entry point: records each request, then lets a queued fault, else a fault the run
 * was made with, or else the simulated API answer it. Called concurrently, one thread per client connection.
 */
final class SimDispatcher extends Dispatcher {

    private final RequestJournal journal;
    private final FaultQueues faults;
    private final RunsApi api;
    private final RunStore store;
    private final SimulatorSettings settings;
    private final SimClock clock;
    private MockWebServer server;

    SimDispatcher(RequestJournal journal, FaultQueues faults, RunsApi api, RunStore store, SimulatorSettings settings,
            SimClock clock) {
        this.journal = journal;
        this.faults = faults;
        this.api = api;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Set once before the server starts, so the dispatcher can drain the server's own request log. */
    void attach(MockWebServer server) {
        this.server = server;
    }

    @Override
    public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
        // MockWebServer keeps every request in a queue of its own until takeRequest(); the journal is
        // the simulator's record, so drop one entry per request to keep a long benchmark's memory flat.
        server.takeRequest(0, TimeUnit.NANOSECONDS);
        SimRequest request = toSimRequest(recorded, clock.now());
        journal.add(request);
        Fault fault = faults.take(request.endpoint());
        if (fault == null) {
            fault = firstGetFaultFor(request);
        }
        MockResponse response = fault == null
                ? api.handle(request).toMockResponse()
                : fault.respond(() -> api.handle(request));
        // The state is the one at arrival; only the answer is late, as if it were slow on the way back.
        return settings.latency().applyTo(response);
    }

    /** A GET of a live run whose workflow was given first-GET faults takes the run's next one. */
    private Fault firstGetFaultFor(SimRequest request) {
        if (request.endpoint() != Endpoint.GET) {
            return null;
        }
        SimRun run = store.find(Endpoint.runUuidIn(request.path()));
        return run == null || run.deleted() ? null : run.takeFirstGetFault();
    }

    private static SimRequest toSimRequest(RecordedRequest recorded, Instant receivedAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        Headers raw = recorded.getHeaders();
        for (int i = 0; i < raw.size(); i++) {
            headers.merge(raw.name(i).toLowerCase(Locale.ROOT), raw.value(i), (a, b) -> a + ", " + b);
        }
        String body = recorded.getBody() == null ? "" : recorded.getBody().utf8();
        return new SimRequest(
                Endpoint.of(recorded.getMethod(), recorded.getTarget()),
                recorded.getMethod(),
                recorded.getTarget(),
                headers,
                body,
                receivedAt);
    }
}
