package io.jenkins.plugins.cargo.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;

/**
 * An in-process stand-in for the Cargo API (cargo-api.md), for the plugin's tests and benchmark, and,
 * through {@link SimulatorMain}, a standalone one for trying the plugin by hand (docs/simulator.md).
 *
 * <p>It serves create, get, cancel and list under {@code /v1/orchestration/runs}, and the reads around
 * them: releases and their input forms, tools, traces, the workspace and its subscription, all in the
 * shape of Cargo's own types. It keeps runs whose state follows a {@link RunScript} (tool nodes
 * starting child runs of their own), records every request, and can be told to misbehave for single
 * requests with a {@link Fault}, for every request to an endpoint, for the first GETs of every run or
 * the first creates of a workflow, or by answering slowly. It listens on 127.0.0.1 only, on an
 * ephemeral port unless told otherwise, keeps time by a clock a test can choose, and is thread-safe.
 */
public final class CargoSimulator implements AutoCloseable {

    private final SimulatorSettings settings;
    private final SimAccount account;
    private final SimClock clock;
    private final RunStore store;
    private final ReleaseStore releases = new ReleaseStore();
    private final RequestJournal journal = new RequestJournal();
    private final FaultQueues faults = new FaultQueues();
    private final MockWebServer server = new MockWebServer();
    private final SimDispatcher dispatcher;

    private CargoSimulator(SimClock clock) {
        this.clock = clock;
        this.account = SimAccount.startingAt(clock.now());
        this.settings = new SimulatorSettings(account.createdAt());
        this.store = new RunStore(clock);
        SimApi api = new SimApi(settings, store, releases, account, clock);
        dispatcher = new SimDispatcher(journal, faults, api, store, settings, clock);
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

    /** The uuid of the simulator's one workspace, in every run, release, tool and trace it serves. */
    public String workspaceUuid() {
        return account.workspaceUuid();
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
     * Answers the next {@code count} creates for the workflow (counted from this call, replacing any
     * left from an earlier one) with {@code refusal}, then creates normally. Like every fault it comes
     * before the token check and the service, so a refused create makes no run; use a fault that
     * processes the request, such as {@link Fault#processThenDropResponse()}, only to make one. Typical
     * refusals are {@link Fault#concurrencyLimitReached()}, {@link Fault#notEnoughCredits()} and
     * {@link Fault#tooManyRequests(String)}. A create that a queued fault answers, or whose body names no
     * workflow, does not count. A count of 0 turns it off.
     */
    public void refuseFirstCreates(String workflowUuid, int count, Fault refusal) {
        settings.refuseFirstCreates(workflowUuid, count, refusal);
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

    /**
     * Answers every later request to {@code endpoint} with {@code fault}, after any fault queued with
     * {@link #enqueue(Endpoint, Fault)}, until called again with null. For "the form cannot be read"
     * rather than "the next read fails": {@code faultEvery(Endpoint.DEPLOYED_RELEASE,
     * Fault.serverError(500))}. {@link Endpoint#ANY} is refused: name the endpoint.
     */
    public void faultEvery(Endpoint endpoint, Fault fault) {
        settings.faultEvery(endpoint, fault);
    }

    /**
     * From now on the accepted token lacks the rights for these endpoints: an authorized request to one
     * gets {@code 403 {"errorMessage":"forbidden"}}, as Cargo answers a token whose permissions leave out
     * billing, say. A wrong token still gets 401 first. {@link Endpoint#ANY} is refused.
     */
    public void forbid(Endpoint... endpoints) {
        for (Endpoint endpoint : endpoints) {
            settings.forbid(endpoint);
        }
    }

    /** Gives the accepted token back its rights for these endpoints (see {@link #forbid(Endpoint...)}). */
    public void permit(Endpoint... endpoints) {
        for (Endpoint endpoint : endpoints) {
            settings.permit(endpoint);
        }
    }

    /**
     * Adds a release of the workflow, created now on the simulator's clock, and returns it (its uuid is
     * {@code release.uuid()}). A workflow has at most one deployed release: adding a deployed one
     * archives the one deployed before. Runs do not check their data against the form.
     */
    public SimRelease addRelease(String workflowUuid, SimRelease release) {
        releases.add(workflowUuid, release, clock.now());
        return release;
    }

    /**
     * How many {@code GET /v1/orchestration/releases/{releaseUuid}} requests the service answered, found
     * or not. Requests answered by a fault, or refused for the token (401, 403), are not counted.
     */
    public int releaseReads(String releaseUuid) {
        return releases.reads(Objects.requireNonNull(releaseUuid, "releaseUuid"));
    }

    /**
     * How many {@code GET /v1/orchestration/releases/deployed?workflowUuid=…} requests for the workflow
     * the service answered, with its release or with {@code releaseNotFound}. Requests answered by a
     * fault, or refused for the token (401, 403), are not counted.
     */
    public int deployedReleaseReads(String workflowUuid) {
        return releases.deployedReads(Objects.requireNonNull(workflowUuid, "workflowUuid"));
    }

    /**
     * Lists the workflow as a tool named {@code name} in {@code GET /v1/orchestration/tools/list}, in
     * the order tools were added, and returns the tool's uuid. It is the uuid a
     * {@link SimNode#tool(String, RunScript)} node calling the workflow carries. Adding the workflow
     * again renames its tool. {@code description} may be null.
     */
    public String addTool(String workflowUuid, String name, String description) {
        return settings.addTool(workflowUuid, name, description, clock.now()).uuid();
    }

    /**
     * What {@code GET /v1/workspaceManagement/workspaces/current} says from now on. Initially
     * "Simulated workspace" and 10. The simulator does not enforce the limit; see
     * {@link #refuseFirstCreates(String, int, Fault)}.
     */
    public void workspace(String name, int maxConcurrentRuns) {
        settings.workspace(name, maxConcurrentRuns, clock.now());
    }

    /**
     * What {@code GET /v1/billing/subscriptions} says from now on. Initially
     * {@code SimSubscription.credits(10000, 0, 0)}. Runs do not draw on it; {@code forbid(Endpoint.SUBSCRIPTION)}
     * makes it answer 403 as for a token without billing rights.
     */
    public void subscription(SimSubscription subscription) {
        settings.subscription(subscription, clock.now());
    }

    /**
     * Writes a line per answered request (time, method, target, status, and the fault if one answered)
     * to {@code log}, from the request's thread. For watching a standalone simulator; tests read
     * {@link #requests()} instead.
     */
    public void logAnswers(Consumer<String> log) {
        dispatcher.logAnswers(log);
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
