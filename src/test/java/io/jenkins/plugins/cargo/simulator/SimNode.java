package io.jenkins.plugins.cargo.simulator;

import java.util.Objects;

/**
 * What kind of workflow node an execution ran, with the keys Cargo's {@code Execution} carries for
 * that kind ({@code nodeKind} native, connector, tool or agent; cargo-api.md section 12.4).
 */
public sealed interface SimNode {

    /** A built-in step such as start, end or a filter. */
    static SimNode nativeAction(String actionSlug) {
        return new Native(actionSlug);
    }

    /** A call to an integration, on a connector whose uuid follows from the integration's slug. */
    static SimNode connector(String integrationSlug, String actionSlug) {
        return new Connector(integrationSlug, actionSlug, SimUuids.named("connector:" + integrationSlug));
    }

    /**
     * A call to another tool, which runs as a child run of its own: the simulator makes that run, of
     * workflow {@code toolWorkflowUuid}, following {@code childScript} (or, if null, the script the
     * simulator has for that workflow when the child is made). The tool's uuid follows from its workflow.
     */
    static SimNode tool(String toolWorkflowUuid, RunScript childScript) {
        return new Tool(SimUuids.named("tool:" + toolWorkflowUuid), toolWorkflowUuid, null, childScript);
    }

    /** A call to an agent. */
    static SimNode agent(String agentUuid) {
        return new Agent(agentUuid, null);
    }

    /** {@code nodeKind: "native"}. */
    record Native(String actionSlug) implements SimNode {
        public Native {
            Objects.requireNonNull(actionSlug, "actionSlug");
        }
    }

    /** {@code nodeKind: "connector"}. */
    record Connector(String integrationSlug, String actionSlug, String connectorUuid) implements SimNode {
        public Connector {
            Objects.requireNonNull(integrationSlug, "integrationSlug");
            Objects.requireNonNull(actionSlug, "actionSlug");
            Objects.requireNonNull(connectorUuid, "connectorUuid");
        }
    }

    /**
     * {@code nodeKind: "tool"}.
     *
     * @param workflowUuid the tool's workflow, which its child run is a run of
     * @param releaseUuid the release the node pins, or null; also the child run's releaseUuid
     * @param childScript the child run's script, or null for the simulator's script for the workflow
     */
    record Tool(String toolUuid, String workflowUuid, String releaseUuid, RunScript childScript) implements SimNode {
        public Tool {
            Objects.requireNonNull(toolUuid, "toolUuid");
            Objects.requireNonNull(workflowUuid, "workflowUuid");
        }
    }

    /** {@code nodeKind: "agent"}. */
    record Agent(String agentUuid, String releaseUuid) implements SimNode {
        public Agent {
            Objects.requireNonNull(agentUuid, "agentUuid");
        }
    }
}
