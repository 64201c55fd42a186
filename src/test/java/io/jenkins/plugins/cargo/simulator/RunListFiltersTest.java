package io.jenkins.plugins.cargo.simulator;

import static io.jenkins.plugins.cargo.simulator.SimHttp.uuids;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list filters over runs whose times the test sets exactly with a manual clock:
 *
 * <pre>
 *            created   GET at +3 s   GET at +4 s   so: status   updatedAt
 *   first    +0 s      running       success           success  +4 s
 *   second   +1 s      running       -                 running  +3 s
 *   third    +2 s      -             -                 pending  +2 s
 * </pre>
 */
class RunListFiltersTest {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String RELEASE = "0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e";
    private static final Instant T0 = Instant.parse("2030-01-02T03:04:05.000Z");

    private final ManualClock clock = new ManualClock(T0);
    private CargoSimulator sim;
    private SimHttp http;
    private String first;
    private String second;
    private String third;

    @BeforeEach
    void createThreeRunsOneSecondApart() throws Exception {
        sim = CargoSimulator.builder().clock(clock).start();
        sim.defaultScript(RunScript.of("running", "success"));
        http = new SimHttp(sim);
        first = http.createRun(WORKFLOW).get("uuid").asText();
        clock.advance(Duration.ofSeconds(1));
        second = SimHttp.json(http.create("{\"workflowUuid\":\"" + WORKFLOW + "\",\"releaseUuid\":\"" + RELEASE
                + "\",\"data\":{}}")).get("run").get("uuid").asText();
        clock.advance(Duration.ofSeconds(1));
        third = http.createRun(WORKFLOW).get("uuid").asText();
        clock.advance(Duration.ofSeconds(1));
        http.getOk(first);
        http.getOk(second);
        clock.advance(Duration.ofSeconds(1));
        http.getOk(first);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void createdBeforeIsInclusive() throws Exception {
        assertEquals(List.of(second, first), listed("\"createdBefore\":\"" + at(1) + "\""));
        assertEquals(List.of(first), listed("\"createdBefore\":\"" + T0.plusMillis(999) + "\""));
    }

    @Test
    void createdAfterAndBeforeTogetherMakeAWindow() throws Exception {
        assertEquals(List.of(second), listed("\"createdAfter\":\"" + at(1) + "\",\"createdBefore\":\"" + at(1) + "\""));
        assertEquals(List.of(), listed("\"createdAfter\":\"" + at(2) + "\",\"createdBefore\":\"" + at(1) + "\""));
    }

    @Test
    void updatedAfterSeesWhatChangedSince() throws Exception {
        assertEquals(List.of(second, first), listed("\"updatedAfter\":\"" + at(3) + "\""));
        assertEquals(List.of(first), listed("\"updatedAfter\":\"" + T0.plusMillis(3001) + "\""));
    }

    @Test
    void updatedBeforeSeesWhatHasNotChangedSince() throws Exception {
        assertEquals(List.of(third), listed("\"updatedBefore\":\"" + at(2) + "\""));
        assertEquals(List.of(third, second), listed("\"updatedBefore\":\"" + at(3) + "\""));
    }

    @Test
    void updatedAtOfATimedRunIsWhenItsClockSaysItChanged() throws Exception {
        sim.script("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", RunScript.timed(Duration.ofSeconds(10), "success"));
        String timed = http.createRun("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b").get("uuid").asText();
        clock.advance(Duration.ofSeconds(30));
        String workflow = "\"workflowUuid\":\"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b\"";

        assertEquals(List.of(timed), uuids(http.listOk("{" + workflow + ",\"updatedBefore\":\"" + at(14) + "\"}")));
        assertEquals(List.of(), uuids(http.listOk("{" + workflow + ",\"updatedBefore\":\"" + at(13) + "\"}")));
    }

    @Test
    void isFinishedSplitsTerminalFromLiveRuns() throws Exception {
        assertEquals(List.of(first), listed("\"isFinished\":true"));
        assertEquals(List.of(third, second), listed("\"isFinished\":false"));
        assertEquals(List.of(third, second, first), listed("\"isFinished\":null"));
    }

    @Test
    void everyTerminalStatusCountsAsFinished() throws Exception {
        for (String status : List.of("success", "error", "cancelled", "skipped", "cancelling", "idle", "paused")) {
            String workflow = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
            sim.script(workflow, RunScript.of(status));
            String uuid = http.createRun(workflow).get("uuid").asText();
            http.getOk(uuid);
            String body = "{\"workflowUuid\":\"" + workflow + "\",\"isFinished\":true}";

            boolean listed = uuids(http.listOk(body)).contains(uuid);

            assertEquals(RunStatuses.isTerminal(status), listed, status);
            assertEquals(List.of("success", "error", "cancelled", "skipped").contains(status), listed, status);
        }
    }

    @Test
    void countIsTheTotalBeforePaging() throws Exception {
        JsonNode page = http.listOk(query("\"isFinished\":false,\"limit\":1,\"offset\":1"));

        assertEquals(List.of(second), uuids(page));
        assertEquals(2, page.get("count").asInt());
        assertEquals(0, http.listOk(query("\"isFinished\":false,\"offset\":5")).get("runs").size());
        assertEquals(2, http.listOk(query("\"isFinished\":false,\"offset\":5")).get("count").asInt());
    }

    @Test
    void releaseUuidAndStatusesCombineWithTheTimeFilters() throws Exception {
        assertEquals(List.of(second), listed("\"releaseUuid\":\"" + RELEASE + "\""));
        assertEquals(List.of(second), listed("\"statuses\":[\"running\"],\"createdAfter\":\"" + at(0) + "\""));
        assertEquals(List.of(), listed("\"statuses\":[\"running\"],\"updatedAfter\":\"" + at(4) + "\""));
    }

    @Test
    void timesWithAnOffsetOrWithoutFractionCompareAsInstants() throws Exception {
        // 05:04:06+02:00 is 03:04:06Z, the second run's createdAt.
        assertEquals(List.of(second, first), listed("\"createdBefore\":\"2030-01-02T05:04:06+02:00\""));
        assertEquals(List.of(third, second), listed("\"createdAfter\":\"2030-01-02T03:04:06Z\""));
    }

    @Test
    void refusesFiltersOfTheWrongType() throws Exception {
        for (String bad : List.of(
                "\"isFinished\":\"yes\"",
                "\"isFinished\":1",
                "\"createdBefore\":\"tomorrow\"",
                "\"updatedAfter\":5",
                "\"updatedBefore\":\"2030-13-01T00:00:00Z\"",
                "\"statuses\":[1]")) {
            assertEquals(400, http.list(query(bad)).statusCode(), bad);
        }
    }

    private List<String> listed(String filters) throws Exception {
        return uuids(http.listOk(query(filters)));
    }

    private static String query(String filters) {
        return "{\"workflowUuid\":\"" + WORKFLOW + "\"," + filters + "}";
    }

    private static String at(int seconds) {
        return RunJson.timestamp(T0.plusSeconds(seconds));
    }
}
