package io.jenkins.plugins.cargo.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** What a test has told the simulator to do; read by request threads while the test changes it. */
final class SimulatorSettings {

    private volatile String acceptedToken = "sim-token";
    private volatile RunScript defaultScript = RunScript.of("pending", "running", "success");
    private final Map<String, RunScript> scripts = new ConcurrentHashMap<>();
    private final Map<String, ApiReply> createRejections = new ConcurrentHashMap<>();
    private final Map<String, List<Fault>> firstGetFaults = new ConcurrentHashMap<>();
    private volatile Latency latency = Latency.NONE;

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

    void faultFirstGets(String workflowUuid, List<Fault> faults) {
        firstGetFaults.put(Objects.requireNonNull(workflowUuid, "workflowUuid"), List.copyOf(faults));
    }

    /** The faults each new run of the workflow answers its first GETs with, in order; often none. */
    List<Fault> firstGetFaults(String workflowUuid) {
        return firstGetFaults.getOrDefault(workflowUuid, List.of());
    }

    Latency latency() {
        return latency;
    }

    void latency(Latency latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }
}
