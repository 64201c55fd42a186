package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What a test has told the simulator to do; read by request threads while the test changes it. */
final class SimulatorSettings {

    /** The workspace's settings a client reads, and when a test last changed them. */
    record Workspace(String name, int maxConcurrentRuns, Instant updatedAt) {}

    /** The subscription as set, and when. */
    record Subscription(SimSubscription subscription, Instant updatedAt) {}

    /** A tool as {@code tools/list} serves it: a name for a workflow. */
    record Tool(String uuid, String workflowUuid, String name, String description, Instant createdAt,
            Instant updatedAt) {}

    private volatile String acceptedToken = "sim-token";
    private volatile RunScript defaultScript = RunScript.of("pending", "running", "success");
    private final Map<String, RunScript> scripts = new ConcurrentHashMap<>();
    private final Map<String, ApiReply> createRejections = new ConcurrentHashMap<>();
    private final Map<String, Queue<Fault>> createRefusals = new ConcurrentHashMap<>();
    private final Map<String, List<Fault>> firstGetFaults = new ConcurrentHashMap<>();
    private final Map<Endpoint, Fault> standingFaults = new ConcurrentHashMap<>();
    private final Set<Endpoint> forbidden = ConcurrentHashMap.newKeySet();
    private volatile Latency latency = Latency.NONE;
    private volatile Workspace workspace;
    private volatile Subscription subscription;
    /** By workflowUuid, in the order tools were first added; guarded by itself. */
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    SimulatorSettings(Instant startedAt) {
        workspace = new Workspace("Simulated workspace", 10, startedAt);
        subscription = new Subscription(SimSubscription.credits(10_000, 0, 0), startedAt);
    }

    String acceptedToken() {
        return acceptedToken;
    }

    void acceptedToken(String token) {
        this.acceptedToken = Objects.requireNonNull(token, "token");
    }

    void defaultScript(RunScript script) {
        this.defaultScript = Objects.requireNonNull(script, "script");
    }

    void script(String workflowUuid, RunScript script) {
        scripts.put(Objects.requireNonNull(workflowUuid, "workflowUuid"), Objects.requireNonNull(script, "script"));
    }

    RunScript scriptFor(String workflowUuid) {
        return scripts.getOrDefault(workflowUuid, defaultScript);
    }

    void rejectCreates(String workflowUuid, ApiReply reply) {
        createRejections.put(Objects.requireNonNull(workflowUuid, "workflowUuid"), reply);
    }

    /** The reply every create for this workflow gets instead of a run, or null to create normally. */
    ApiReply createRejection(String workflowUuid) {
        return createRejections.get(workflowUuid);
    }

    /** The next {@code count} creates for the workflow get {@code refusal}; replaces any left over. */
    void refuseFirstCreates(String workflowUuid, int count, Fault refusal) {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(refusal, "refusal");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        createRefusals.put(workflowUuid, new ConcurrentLinkedQueue<>(Collections.nCopies(count, refusal)));
    }

    /** The fault the next create for this workflow is answered with, or null once none are left. */
    Fault takeCreateRefusal(String workflowUuid) {
        Queue<Fault> refusals = createRefusals.get(workflowUuid);
        return refusals == null ? null : refusals.poll();
    }

    void faultFirstGets(String workflowUuid, List<Fault> faults) {
        firstGetFaults.put(Objects.requireNonNull(workflowUuid, "workflowUuid"), List.copyOf(faults));
    }

    /** The faults each new run of the workflow answers its first GETs with, in order; often none. */
    List<Fault> firstGetFaults(String workflowUuid) {
        return firstGetFaults.getOrDefault(workflowUuid, List.of());
    }

    /** Every later request to {@code endpoint} gets {@code fault}; null stops it. */
    void faultEvery(Endpoint endpoint, Fault fault) {
        namedEndpoint(endpoint);
        if (fault == null) {
            standingFaults.remove(endpoint);
        } else {
            standingFaults.put(endpoint, fault);
        }
    }

    Fault standingFault(Endpoint endpoint) {
        return standingFaults.get(endpoint);
    }

    void forbid(Endpoint endpoint) {
        forbidden.add(namedEndpoint(endpoint));
    }

    void permit(Endpoint endpoint) {
        forbidden.remove(namedEndpoint(endpoint));
    }

    /** Whether the accepted token lacks the rights for this endpoint. */
    boolean forbidden(Endpoint endpoint) {
        return forbidden.contains(endpoint);
    }

    Latency latency() {
        return latency;
    }

    void latency(Latency latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    Workspace workspace() {
        return workspace;
    }

    void workspace(String name, int maxConcurrentRuns, Instant now) {
        Objects.requireNonNull(name, "name");
        if (maxConcurrentRuns < 0) {
            throw new IllegalArgumentException("maxConcurrentRuns must not be negative: " + maxConcurrentRuns);
        }
        workspace = new Workspace(name, maxConcurrentRuns, now);
    }

    Subscription subscription() {
        return subscription;
    }

    void subscription(SimSubscription subscription, Instant now) {
        this.subscription = new Subscription(Objects.requireNonNull(subscription, "subscription"), now);
    }

    /** Adds the workflow's tool, or renames it (keeping its uuid and createdAt) if it has one. */
    Tool addTool(String workflowUuid, String name, String description, Instant now) {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(name, "name");
        synchronized (tools) {
            Tool previous = tools.get(workflowUuid);
            // The uuid SimNode.tool gives a tool node calling this workflow, so the two agree.
            String uuid = SimUuids.named("tool:" + workflowUuid);
            Tool tool = new Tool(uuid, workflowUuid, name, description,
                    previous == null ? now : previous.createdAt(), now);
            tools.put(workflowUuid, tool);
            return tool;
        }
    }

    List<Tool> tools() {
        synchronized (tools) {
            return List.copyOf(tools.values());
        }
    }

    private static Endpoint namedEndpoint(Endpoint endpoint) {
        if (Objects.requireNonNull(endpoint, "endpoint") == Endpoint.ANY) {
            throw new IllegalArgumentException("name an endpoint; ANY is not one");
        }
        return endpoint;
    }
}
