package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/orchestration/traces/{uuid}}: a trace worked out from its root run and the child runs
 * of its tool nodes, on a manual clock.
 */
class TracesTest extends ManualClockSimulator {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String TOOL_WORKFLOW = "6c5b4a39-2817-4605-9f4e-3d2c1b0a9f8e";
    private static final String TRACES = "/v1/orchestration/traces/";

    @Test
    void pendingWhileTheRootRunsThenSuccessWithItsSpansAndCredits() throws Exception {
        sim.script(WORKFLOW, RunScript.timeline()
                .at(Duration.ZERO, "running", done("start", 0), pending("enrich"))
                .at(seconds(2), "success", done("start", 0), done("enrich", 1.5), done("end", 0.25))
                .build());
        JsonNode run = http.createRun(WORKFLOW);
        String traceUuid = run.get("traceUuid").asText();

        clock.advance(seconds(1));
        JsonNode pending = trace(traceUuid);
        clock.advance(seconds(1));
        JsonNode done = trace(traceUuid);

        assertEquals("pending", pending.get("status").asText());
        assertEquals(2, pending.get("spansCount").asInt());
        assertEquals(1, pending.get("pendingSpansCount").asInt());
        assertEquals(1, pending.get("succeededSpansCount").asInt());
        assertTrue(pending.get("finishedAt").isNull());
        assertEquals(traceUuid, done.get("uuid").asText());
        assertEquals(sim.workspaceUuid(), done.get("workspaceUuid").asText());
        assertEquals(WORKFLOW, done.get("workflowUuid").asText());
        assertEquals(run.get("uuid").asText(), done.get("rootRunUuid").asText());
        assertEquals(run.get("recordId").asText(), done.get("rootRecordId").asText());
        assertEquals(run.get("recordTitle").asText(), done.get("rootRecordTitle").asText());
        assertEquals("success", done.get("status").asText());
        assertEquals(3, done.get("spansCount").asInt());
        assertEquals(0, done.get("failedSpansCount").asInt());
        assertEquals(0, done.get("pendingSpansCount").asInt());
        assertEquals(3, done.get("succeededSpansCount").asInt());
        assertEquals(1.75, done.get("creditsUsedCount").asDouble());
        assertEquals(RunJson.timestamp(T0), done.get("startedAt").asText());
        assertEquals(RunJson.timestamp(T0.plus(seconds(2))), done.get("finishedAt").asText());
        assertEquals(RunJson.timestamp(T0.plus(seconds(2))), done.get("updatedAt").asText());
    }

    @Test
    void countsTheChildRunsSpansAndCreditsAndWaitsForThem() throws Exception {
        sim.script(TOOL_WORKFLOW, RunScript.timeline()
                .at(Duration.ZERO, "running", done("start", 0))
                .at(seconds(3), "success", done("start", 0), done("lookup", 2.0), done("score", 0.01))
                .build());
        SimExecution tool = new SimExecution("verify", null, "success", 0, null)
                .withNode(SimNode.tool(TOOL_WORKFLOW, null));
        // The parent does not wait: it ends at 1 s, its child at 4 s.
        sim.script(WORKFLOW, RunScript.timeline()
                .at(seconds(1), "success", done("start", 0.5), tool)
                .build());
        String traceUuid = http.createRun(WORKFLOW).get("traceUuid").asText();

        clock.advance(seconds(2));
        JsonNode childRunning = trace(traceUuid);
        clock.advance(seconds(2));
        JsonNode done = trace(traceUuid);

        assertEquals("pending", childRunning.get("status").asText(), "the root ended, its child has not");
        assertEquals(3, childRunning.get("spansCount").asInt(), "start and verify, and the child's start");
        assertEquals("success", done.get("status").asText());
        assertEquals(5, done.get("spansCount").asInt());
        assertEquals(2.51, done.get("creditsUsedCount").asDouble(), "the child's credits count");
        assertEquals("2.51", done.get("creditsUsedCount").toString(), "summed as decimals");
        assertEquals(RunJson.timestamp(T0.plus(seconds(4))), done.get("finishedAt").asText(), "when the child ended");
    }

    @Test
    void errorWhenTheRootRunEndsErrorOrIsCancelled() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("error", done("start", 0), new SimExecution("enrich", null, "error", 0, "Timed out"))
                .build());
        JsonNode failed = http.createRun(WORKFLOW);
        http.getOk(failed.get("uuid").asText());
        sim.script(WORKFLOW, RunScript.of("running"));
        JsonNode cancelled = http.createRun(WORKFLOW);
        http.post("/v1/orchestration/runs/cancel", "{\"workflowUuid\":\"" + WORKFLOW + "\",\"uuids\":[\""
                + cancelled.get("uuid").asText() + "\"]}");
        http.getOk(cancelled.get("uuid").asText());
        assertEquals("pending", trace(cancelled.get("traceUuid").asText()).get("status").asText(), "cancelling");
        http.getOk(cancelled.get("uuid").asText());

        JsonNode failedTrace = trace(failed.get("traceUuid").asText());
        assertEquals("error", failedTrace.get("status").asText());
        assertEquals(1, failedTrace.get("failedSpansCount").asInt());
        assertEquals("error", trace(cancelled.get("traceUuid").asText()).get("status").asText());
    }

    @Test
    void degradedWhenTheRootSucceedsAfterAFailedExecution() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("success", done("start", 0), new SimExecution("enrich", null, "error", 0, "Timed out"),
                        done("enrich-fallback", 1))
                .build());
        JsonNode run = http.createRun(WORKFLOW);
        http.getOk(run.get("uuid").asText());

        JsonNode trace = trace(run.get("traceUuid").asText());

        assertEquals("degraded", trace.get("status").asText());
        assertEquals(1, trace.get("failedSpansCount").asInt());
        assertEquals(2, trace.get("succeededSpansCount").asInt());
    }

    @Test
    void aStepsScriptMovesOnlyOnRunGetsNotOnTraceReads() throws Exception {
        JsonNode run = http.createRun(WORKFLOW);
        String traceUuid = run.get("traceUuid").asText();

        for (int i = 0; i < 3; i++) {
            assertEquals("pending", trace(traceUuid).get("status").asText());
        }
        assertEquals(0, sim.run(run.get("uuid").asText()).getCount());
    }

    @Test
    void unknownTraceAndTheTraceOfADeletedRunAre404TraceNotFound() throws Exception {
        JsonNode run = http.createRun(WORKFLOW);
        sim.deleteRun(run.get("uuid").asText());

        for (String uuid : new String[] {run.get("traceUuid").asText(), run.get("uuid").asText()}) {
            HttpResponse<String> response = http.read(TRACES + uuid);
            assertEquals(404, response.statusCode());
            assertEquals("{\"reason\":\"traceNotFound\"}", response.body());
        }
        assertEquals(Endpoint.TRACE, sim.requests(Endpoint.TRACE).get(0).endpoint());
    }

    private JsonNode trace(String traceUuid) throws Exception {
        return http.readOk(TRACES + traceUuid).get("trace");
    }

    private static SimExecution done(String slug, double credits) {
        return new SimExecution(slug, null, "success", credits, null);
    }

    private static SimExecution pending(String slug) {
        return new SimExecution(slug, null, "pending", 0, null);
    }

    private static Duration seconds(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
