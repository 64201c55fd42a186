package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Makes runs: the ones create requests ask for, and the child runs their tool nodes start. */
final class RunFactory {

    private final SimulatorSettings settings;
    private final RunStore store;

    RunFactory(SimulatorSettings settings, RunStore store) {
        this.settings = settings;
        this.store = store;
    }

    /** A run created through the API, on its workflow's current script and first-GET faults. */
    SimRun createRoot(String workflowUuid, String releaseUuid, JsonNode data, Instant now) {
        NewRun spec = new NewRun(workflowUuid, releaseUuid, data, settings.scriptFor(workflowUuid),
                settings.firstGetFaults(workflowUuid), Lineage.root());
        return store.create(spec, now, this::startChild);
    }

    /**
     * A tool node's child run: a run of the tool's workflow, on the node's child script or else that
     * workflow's script, fed the parent's data (what a tool node passes on is the workflow's business,
     * and the simulator has no workflow to ask).
     */
    private String startChild(SimRun parent, String parentNodeUuid, SimNode.Tool tool, Instant at) {
        RunScript script = tool.childScript() != null ? tool.childScript() : settings.scriptFor(tool.workflowUuid());
        NewRun spec = new NewRun(tool.workflowUuid(), tool.releaseUuid(), parent.data(), script,
                settings.firstGetFaults(tool.workflowUuid()), Lineage.childOf(parent, parentNodeUuid));
        return store.create(spec, at, this::startChild).uuid();
    }
}
