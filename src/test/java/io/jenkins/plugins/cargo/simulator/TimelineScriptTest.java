package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timed scripts of full snapshots, followed on a manual clock. */
class TimelineScriptTest extends ManualClockSimulator {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";

    @Test
    void aRunPolledLateHasGoneThroughEveryStepAtItsOwnTime() throws Exception {
        sim.script(WORKFLOW, RunScript.timeline()
                .at(Duration.ZERO, "running", exec("start", "success"))
                .at(Duration.ofSeconds(2), "running", exec("start", "success"), exec("enrich", "pending"))
                .at(Duration.ofSeconds(5), "error", exec("start", "success"), exec("enrich", "error"))
                .errorMessage("Node enrich failed")
                .output(Map.of("end", Map.of("ok", false)))
                .build());
        JsonNode created = http.createRun(WORKFLOW);
        String uuid = created.get("uuid").asText();

        clock.advance(Duration.ofMinutes(1));
        JsonNode reply = http.getOk(uuid);
        JsonNode run = reply.get("run");
        JsonNode enrich = run.get("executions").get(1);

        assertEquals("running", created.get("status").asText(), "a step at zero is what the create shows");
        assertEquals(1, created.get("executions").size());
        assertEquals("error", run.get("status").asText());
        assertEquals("Node enrich failed", run.get("errorMessage").asText());
        assertEquals(stamp(5), run.get("finishedAt").asText());
        assertEquals(stamp(5), run.get("updatedAt").asText());
        assertEquals(stamp(2), enrich.get("startedAt").asText());
        assertEquals(stamp(5), enrich.get("finishedAt").asText());
        assertEquals("{\"end\":{\"ok\":false}}", reply.get("runContext").toString());
        assertEquals(T0.plusSeconds(5), sim.run(uuid).terminalAt());
    }

    @Test
    void showsTheCreateStatusUntilTheFirstStep() throws Exception {
        sim.script(WORKFLOW, RunScript.timeline()
                .createStatus("idle")
                .at(Duration.ofSeconds(3), "running", exec("start", "pending"))
                .at(Duration.ofSeconds(6), "success", exec("start", "success"))
                .build());
        String uuid = http.createRun(WORKFLOW).get("uuid").asText();

        clock.advance(Duration.ofMillis(2999));
        JsonNode waiting = http.getOk(uuid).get("run");
        clock.advance(Duration.ofMillis(1));
        JsonNode running = http.getOk(uuid).get("run");

        assertEquals("idle", waiting.get("status").asText());
        assertEquals(0, waiting.get("executions").size());
        assertTrue(waiting.get("finishedAt").isNull());
        assertEquals("running", running.get("status").asText());
        assertEquals("{\"start\":{}}", http.getOk(uuid).get("runContext").toString(), "no output before the end");
    }

    @Test
    void aCancelStopsTheTimeline() throws Exception {
        sim.script(WORKFLOW, RunScript.timeline()
                .at(Duration.ZERO, "running")
                .at(Duration.ofSeconds(10), "success")
                .cancelPolls(0)
                .build());
        String uuid = http.createRun(WORKFLOW).get("uuid").asText();

        http.post("/v1/orchestration/runs/cancel", "{\"workflowUuid\":\"" + WORKFLOW + "\",\"uuids\":[\"" + uuid + "\"]}");
        clock.advance(Duration.ofSeconds(30));

        assertEquals("cancelled", http.getOk(uuid).get("run").get("status").asText());
    }

    @Test
    void stepsMustBeInTimeOrderAndNotBeforeTheRun() {
        RunScript.Timeline timeline = RunScript.timeline().at(Duration.ofSeconds(2), "running");

        assertThrows(IllegalArgumentException.class, () -> timeline.at(Duration.ofSeconds(1), "success"));
        assertThrows(IllegalArgumentException.class, () -> RunScript.timeline().at(Duration.ofSeconds(-1), "running"));
        assertThrows(IllegalStateException.class, () -> RunScript.timeline().build());
        assertThrows(IllegalArgumentException.class, () -> RunScript.timed(Duration.ofMillis(-1), "success"));
    }

    private static SimExecution exec(String slug, String status) {
        return new SimExecution(slug, null, status, 0, "error".equals(status) ? "failed" : null);
    }

    private static String stamp(int seconds) {
        return RunJson.timestamp(T0.plusSeconds(seconds));
    }
}
