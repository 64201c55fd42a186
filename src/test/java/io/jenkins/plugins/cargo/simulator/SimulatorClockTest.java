package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulator on a clock of the test's choosing, and on a port of its choosing. */
class SimulatorClockTest {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final Instant START = Instant.parse("2030-05-06T07:08:09.010Z");

    @Test
    void timedRunsAndTheJournalFollowAManualClock() throws Exception {
        ManualClock clock = new ManualClock(START);
        try (CargoSimulator sim = CargoSimulator.builder().clock(clock).start()) {
            sim.script(WORKFLOW, RunScript.timed(Duration.ofMinutes(10), "success"));
            SimHttp http = new SimHttp(sim);
            JsonNode created = http.createRun(WORKFLOW);
            String uuid = created.get("uuid").asText();

            clock.advance(Duration.ofMinutes(9));
            assertEquals("running", http.getOk(uuid).get("run").get("status").asText());
            clock.advance(Duration.ofMinutes(1));
            JsonNode ended = http.getOk(uuid).get("run");

            assertEquals("2030-05-06T07:08:09.010Z", created.get("createdAt").asText());
            assertEquals("success", ended.get("status").asText());
            assertEquals("2030-05-06T07:18:09.010Z", ended.get("finishedAt").asText());
            assertEquals(START, sim.requests(Endpoint.CREATE).get(0).receivedAt());
            assertEquals(START.plus(Duration.ofMinutes(10)), sim.requests(Endpoint.GET).get(1).receivedAt());
        }
    }

    @Test
    void manualClockOnlyMovesForward() {
        ManualClock clock = new ManualClock(START);

        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMillis(-1)));
        clock.advance(Duration.ZERO);
        assertEquals(START, clock.instant());
    }

    @Test
    void listensOnTheChosenLoopbackPort() throws Exception {
        int port = freePort();
        try (CargoSimulator sim = CargoSimulator.builder().port(port).start()) {
            assertEquals("http://127.0.0.1:" + port, sim.baseUrl());
            assertEquals(200, new SimHttp(sim).create(SimHttp.body(WORKFLOW, "{}")).statusCode());
        }
        assertThrows(IllegalArgumentException.class, () -> CargoSimulator.builder().port(65536));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertTrue(probe.getLocalPort() > 0);
            return probe.getLocalPort();
        }
    }
}
