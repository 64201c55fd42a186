package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Works out a trace from its runs and writes it in the shape of Cargo's {@code Trace} type
 * (cargo-api.md 12.5 and 12.6), every key in the type's order.
 *
 * <ul>
 *   <li>The spans are the executions of every run in the trace: the root run and the child runs its
 *       tool nodes started, at any depth. {@code creditsUsedCount} adds up all their credits.
 *   <li>{@code status} is {@code pending} while any run of the trace is unfinished. Once all are, it is
 *       {@code error} when the root run ended {@code error} (or {@code cancelled}: the trace was stopped),
 *       {@code degraded} when the root run ended otherwise but some execution failed (as a node that
 *       fell back does: Cargo's type comment), and {@code success} when nothing failed.
 *   <li>{@code startedAt} is the root run's createdAt, {@code updatedAt} the latest updatedAt of its
 *       runs, and {@code finishedAt}, once the trace is no longer pending, the latest finishedAt.
 * </ul>
 */
final class TraceJson {

    private final SimAccount account;

    TraceJson(SimAccount account) {
        this.account = account;
    }

    /** The trace whose root run is {@code root}; {@code runs} are all its runs, the root included. */
    ObjectNode trace(RunView root, List<RunView> runs) {
        int spans = 0;
        int failed = 0;
        int pending = 0;
        int succeeded = 0;
        BigDecimal credits = BigDecimal.ZERO;
        boolean unfinished = false;
        Instant updatedAt = root.updatedAt();
        Instant finishedAt = null;
        for (RunView run : runs) {
            unfinished |= !RunStatuses.isTerminal(run.status());
            updatedAt = later(updatedAt, run.updatedAt());
            finishedAt = later(finishedAt, run.finishedAt());
            for (ExecutionView execution : run.executions()) {
                SimExecution scripted = execution.execution();
                spans++;
                switch (scripted.status()) {
                    case "error" -> failed++;
                    case "pending" -> pending++;
                    case "success" -> succeeded++;
                    default -> { }
                }
                // Decimal sums, so 2.0 + 0.01 is served as 2.01 rather than 2.0100000000000002.
                credits = credits.add(BigDecimal.valueOf(scripted.creditsUsedCount()));
            }
        }
        String status = status(root.status(), unfinished, failed > 0);

        ObjectNode trace = JsonCodec.object();
        trace.put("uuid", root.lineage().traceUuid());
        trace.put("workspaceUuid", account.workspaceUuid());
        trace.put("workflowUuid", root.workflowUuid());
        trace.put("rootRunUuid", root.uuid());
        trace.put("rootRecordId", root.recordId());
        trace.put("rootRecordTitle", root.recordTitle());
        // Runs made with an API token have no user (Run.userUuid is null too).
        trace.putNull("rootUserUuid");
        trace.putNull("chatUuid");
        trace.putNull("agentUuid");
        trace.put("spansCount", spans);
        trace.put("failedSpansCount", failed);
        trace.put("pendingSpansCount", pending);
        trace.put("succeededSpansCount", succeeded);
        trace.put("creditsUsedCount", credits.doubleValue());
        trace.put("startedAt", RunJson.timestamp(root.createdAt()));
        trace.put("finishedAt", status.equals("pending") ? null : RunJson.timestamp(finishedAt));
        trace.put("updatedAt", RunJson.timestamp(updatedAt));
        trace.put("status", status);
        return trace;
    }

    private static String status(String rootStatus, boolean unfinished, boolean anyFailed) {
        if (unfinished) {
            return "pending";
        }
        if (rootStatus.equals("error") || rootStatus.equals(RunStatuses.CANCELLED)) {
            return "error";
        }
        return anyFailed ? "degraded" : "success";
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
