package io.jenkins.plugins.cargo.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import mockwebserver3.MockWebServer;

/**
 * An in-process stand-in for the Cargo runs API (cargo-api.md), for the plugin's tests and benchmark.
 *
 * <p>It serves create, get, cancel and list under {@code /v1/orchestration/runs}, keeps runs whose
 * statuses follow a {@link RunScript}, records every request, and can be told to misbehave for single
 * requests with a {@link Fault}. It listens on 127.0.0.1 only, on an ephemeral port unless told
 * otherwise, and is thread-safe.
 */
public final class CargoSimulator implements AutoCloseable {

    private final SimulatorSettings settings = new SimulatorSettings();
    private final RunStore store;
    private final RequestJournal journal = new RequestJournal();
    private final FaultQueues faults = new FaultQueues();
    private final MockWebServer server = new MockWebServer();

    private CargoSimulator(SimClock clock) {
        this.store = new RunStore(clock);
        RunsApi api = new RunsApi(settings, store, new RunJson(UUID.randomUUID().toString()), clock);
        SimDispatcher dispatcher = new SimDispatcher(journal, faults, api, store, settings, clock);
        dispatcher.attach(server);
        server.setDispatcher(dispatcher);
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
    }

    /** Starts a simulator on 127.0.0.1 and an ephemeral port, on the system clock. */
    public static CargoSimulator start() throws IOException {
        return builder().start();
    }

    /** For a simulator on a chosen port or clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where and on what time a simulator runs; it always listens on 127.0.0.1 alone. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The loopback port to listen on; 0 (the default) takes any free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The clock runs are created, timed and journalled by. Default the system clock; a
         * {@link ManualClock} makes timed scripts move only when the test says.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public CargoSimulator start() throws IOException {
            CargoSimulator simulator = new CargoSimulator(new SimClock(clock));
            try {
                // The loopback address by number: "localhost" may resolve to ::1 or to a non-loopback name.
                simulator.server.start(InetAddress.getByName("127.0.0.1"), port);
            } catch (IOException e) {
                simulator.close();
                throw e;
            }
            return simulator;
        }
    }

    /** Like {@code http://127.0.0.1:PORT}, without {@code /v1}: the client appends the version itself. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public String acceptedToken() {
        return settings.acceptedToken();
    }

    /** From now on only {@code Authorization: Bearer <token>} is accepted. */
    public void acceptToken(String token) {
        settings.acceptedToken(token);
    }

    /** The script for runs of workflows without their own. Initially pending, running, success. */
    public void defaultScript(RunScript script) {
        settings.defaultScript(script);
    }

    /** The script for runs created from now on for this workflow. */
    public void script(String workflowUuid, RunScript script) {
        settings.script(workflowUuid, script);
    }

    /**
     * Holds every later response, faulted ones included, for {@code fixed} plus a uniformly random part
     * of {@code jitter}, on top of any delay a fault adds. Requests are still handled on arrival. Each
     * connection waits on its own thread, so a slow answer does not hold back other connections.
     * {@code latency(Duration.ZERO, Duration.ZERO)} turns it off (the default).
     */
    public void latency(Duration fixed, Duration jitter) {
        settings.latency(new Latency(fixed, jitter));
    }

    /**
     * Makes every later (valid) create for the workflow fail with this status and error body instead of
     * making a run. A null reason or errorMessage is left out of the body.
     */
    public void rejectCreates(String workflowUuid, int httpStatus, String reason, String errorMessage) {
        settings.rejectCreates(workflowUuid, ApiReply.error(httpStatus, reason, errorMessage));
    }

    /**
     * Makes each run of the workflow created from now on (child runs of its tool included) answer its
     * first GETs with these faults, one per GET in order, before it is answered normally: "rate limited,
     * then fine" for every run rather than for the next request only. A fault queued with
     * {@link #enqueue(Endpoint, Fault)} goes first. No faults turns it off for later runs.
     */
    public void faultFirstGets(String workflowUuid, Fault... faults) {
        settings.faultFirstGets(workflowUuid, List.of(faults));
    }

    /**
     * Applies {@code fault} to the next request to {@code endpoint}. Queues are FIFO per endpoint;
     * {@link Endpoint#ANY} is consulted only when the request's own endpoint queue is empty.
     */
    public void enqueue(Endpoint endpoint, Fault fault) {
        faults.enqueue(endpoint, fault);
    }

    /** Makes the run vanish: later GETs answer 404, lists leave it out, cancels ignore it. */
    public void deleteRun(String runUuid) {
        SimRun run = store.find(runUuid);
        if (run == null) {
            throw new IllegalArgumentException("no such run: " + runUuid);
        }
        run.delete();
    }

    /** The run with this uuid (also after deleteRun), or null if the simulator never made it. */
    public SimRun run(String runUuid) {
        return store.find(Objects.requireNonNull(runUuid, "runUuid"));
    }

    /** All runs in creation order. */
    public List<SimRun> runs() {
        return store.all();
    }

    /** Every request received, in order, including faulted, rejected and unauthorized ones. */
    public List<SimRequest> requests() {
        return journal.all();
    }

    /** The requests to one endpoint; {@link Endpoint#ANY} returns all of them. */
    public List<SimRequest> requests(Endpoint endpoint) {
        return journal.to(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** Stops listening and closes open connections, including ones held by a delay or stall. */
    @Override
    public void close() {
        server.close();
    }
}
