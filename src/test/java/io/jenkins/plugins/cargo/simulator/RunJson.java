package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes runs in the shape of the Cargo API's Run and Execution objects (cargo-api.md section 2.2). */
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
        run.putNull("batchUuid");
        run.put("traceUuid", view.traceUuid());
        run.putNull("recordId");
        run.put("recordTitle", view.recordTitle());
        run.put("status", view.status());
        run.put("errorMessage", view.errorMessage());
        ArrayNode executions = run.putArray("executions");
        view.executions().forEach(execution -> executions.add(execution(execution)));
        run.put("createdAt", timestamp(view.createdAt()));
        run.put("updatedAt", timestamp(view.updatedAt()));
        run.put("finishedAt", timestamp(view.finishedAt()));
        run.putNull("deletedAt");
        // Fields the plugin's client has no use for: present so tests prove unknown keys are ignored.
        run.put("temporalWorkflowId", "run-" + view.uuid());
        run.putNull("parentUuid");
        run.put("isGroupParent", false);
        run.putNull("nodes");
        return run;
    }

    private static ObjectNode execution(ExecutionView view) {
        SimExecution scripted = view.execution();
        ObjectNode execution = JsonCodec.object();
        execution.put("nodeUuid", view.nodeUuid());
        execution.put("nodeSlug", scripted.nodeSlug());
        execution.put("nodeKind", "native");
        execution.put("status", scripted.status());
        execution.put("errorMessage", scripted.errorMessage());
        execution.put("title", scripted.title());
        execution.put("creditsUsedCount", scripted.creditsUsedCount());
        execution.put("startedAt", timestamp(view.startedAt()));
        execution.put("updatedAt", timestamp(view.updatedAt()));
        execution.put("finishedAt", timestamp(view.finishedAt()));
        execution.put("nodeWaitUntilFinished", false);
        execution.putNull("nodeRunUuid");
        return execution;
    }
}
