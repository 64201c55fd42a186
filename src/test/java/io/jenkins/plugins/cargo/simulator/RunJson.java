package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes runs in the shape of Cargo's {@code Run} and {@code Execution} types (cargo-api.md sections
 * 12.3 and 12.4, from Cargo's TypeScript types): every key of the type is present, in the type's order,
 * with null where the type allows it and the simulator has nothing to say, and no key the type lacks.
 */
final class RunJson {

    // Always three fraction digits and a 'Z', like the real API; ISO_INSTANT would drop ".000".
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String workspaceUuid;

    RunJson(String workspaceUuid) {
        this.workspaceUuid = workspaceUuid;
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    ObjectNode run(RunView view) {
        ObjectNode run = JsonCodec.object();
        run.put("uuid", view.uuid());
        run.put("workspaceUuid", workspaceUuid);
        run.put("workflowUuid", view.workflowUuid());
        run.putNull("userUuid");
        run.put("releaseUuid", view.releaseUuid());
        // Set only for runs of ad-hoc node graphs, which the simulator does not make.
        run.putNull("nodes");
        run.putNull("batchUuid");
        run.put("traceUuid", view.lineage().traceUuid());
        run.put("temporalWorkflowId", "run-" + view.uuid());
        run.put("recordId", view.recordId());
        run.put("recordTitle", view.recordTitle());
        String files = "workspaces/" + workspaceUuid + "/runs/" + view.uuid();
        run.put("contextS3Filename", files + "/context.json");
        run.put("computedConfigsS3Filename", files + "/computed-configs.json");
        run.put("parentUuid", view.lineage().parentUuid());
        run.put("parentNodeUuid", view.lineage().parentNodeUuid());
        run.putNull("parentBatchUuid");
        run.putNull("parentAgentUuid");
        run.putNull("parentChatUuid");
        run.putNull("parentMessageUuid");
        run.put("isGroupParent", false);
        run.put("status", view.status());
        run.put("errorMessage", view.errorMessage());
        ArrayNode executions = run.putArray("executions");
        view.executions().forEach(execution -> executions.add(execution(execution)));
        run.put("createdAt", timestamp(view.createdAt()));
        run.put("updatedAt", timestamp(view.updatedAt()));
        run.put("finishedAt", timestamp(view.finishedAt()));
        run.putNull("deletedAt");
        return run;
    }

    private static ObjectNode execution(ExecutionView view) {
        SimExecution scripted = view.execution();
        ObjectNode execution = JsonCodec.object();
        execution.put("nodeUuid", view.nodeUuid());
        execution.put("nodeSlug", scripted.nodeSlug());
        execution.putNull("nodeBatchUuid");
        execution.put("nodeRunUuid", view.childRunUuid());
        execution.putNull("nodeMessageUuid");
        execution.put("nodeChildIndex", scripted.nodeChildIndex());
        execution.putNull("nextNodeUuid");
        execution.put("status", scripted.status());
        execution.put("errorMessage", scripted.errorMessage());
        execution.put("title", scripted.title());
        execution.putNull("iconUrl");
        execution.put("creditsUsedCount", scripted.creditsUsedCount());
        execution.put("startedAt", timestamp(view.startedAt()));
        execution.put("updatedAt", timestamp(view.updatedAt()));
        execution.put("finishedAt", timestamp(view.finishedAt()));
        execution.put("nodeWaitUntilFinished", scripted.nodeWaitUntilFinished());
        kind(scripted.node(), execution);
        return execution;
    }

    /** The nodeKind and the keys only that kind has. */
    private static void kind(SimNode node, ObjectNode execution) {
        if (node instanceof SimNode.Native nativeNode) {
            execution.put("nodeKind", "native");
            execution.put("nodeActionSlug", nativeNode.actionSlug());
        } else if (node instanceof SimNode.Connector connector) {
            execution.put("nodeKind", "connector");
            execution.put("nodeActionSlug", connector.actionSlug());
            execution.put("nodeConnectorUuid", connector.connectorUuid());
            execution.put("nodeIntegrationSlug", connector.integrationSlug());
        } else if (node instanceof SimNode.Tool tool) {
            execution.put("nodeKind", "tool");
            execution.put("nodeToolUuid", tool.toolUuid());
            execution.put("nodeReleaseUuid", tool.releaseUuid());
        } else if (node instanceof SimNode.Agent agent) {
            execution.put("nodeKind", "agent");
            execution.put("nodeAgentUuid", agent.agentUuid());
            execution.put("nodeReleaseUuid", agent.releaseUuid());
        } else {
            throw new IllegalStateException("unknown node kind: " + node);
        }
    }
}
