package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The standalone simulator's set-up, short of blocking forever as {@code main} does. */
class SimulatorMainTest {

    @Test
    void servesTheDemoWorkflowsWithTheDemoTokenAndSaysWhereAndHow() throws Exception {
        try (CargoSimulator sim = SimulatorMain.start(new String[0], new Properties())) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            SimulatorMain.printBanner(sim, new PrintStream(printed, true, StandardCharsets.UTF_8));
            String banner = printed.toString(StandardCharsets.UTF_8);

            assertEquals(DemoWorkflows.TOKEN, sim.acceptedToken());
            assertTrue(sim.baseUrl().startsWith("http://127.0.0.1:"), sim.baseUrl());
            assertTrue(banner.contains("API URL:   " + sim.baseUrl()), banner);
            assertTrue(banner.contains("API token: " + DemoWorkflows.TOKEN), banner);
            for (DemoWorkflows.Demo demo : DemoWorkflows.all()) {
                assertTrue(banner.contains(demo.workflowUuid()), banner);
            }
            SimHttp http = new SimHttp(sim);
            String uuid = http.createRun(DemoWorkflows.SUCCEEDS).get("uuid").asText();
            assertEquals("running", http.getOk(uuid).get("run").get("status").asText());
        }
    }

    @Test
    void takesTokenAndLatencyFromPropertiesAndThePortFromTheFirstArgument() throws Exception {
        Properties properties = new Properties();
        properties.setProperty(SimulatorMain.TOKEN, "my-token");
        properties.setProperty(SimulatorMain.PORT, "not used, the argument wins");
        properties.setProperty(SimulatorMain.LATENCY, "1");
        properties.setProperty(SimulatorMain.JITTER, "1");

        try (CargoSimulator sim = SimulatorMain.start(new String[] {"0"}, properties)) {
            assertEquals("my-token", sim.acceptedToken());
            assertEquals(200, new SimHttp(sim).create(SimHttp.body(DemoWorkflows.SKIPPED, "{}")).statusCode());
        }
    }

    @Test
    void logsALinePerAnswerNamingTheFaultIfOneAnswered() throws Exception {
        try (CargoSimulator sim = SimulatorMain.start(new String[0], new Properties())) {
            List<String> lines = new CopyOnWriteArrayList<>();
            sim.logAnswers(lines::add);
            SimHttp http = new SimHttp(sim);

            String uuid = http.createRun(DemoWorkflows.RATE_LIMITED_FIRST).get("uuid").asText();
            http.get(uuid);

            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).endsWith(" POST /v1/orchestration/runs -> 200"), lines.get(0));
            assertTrue(lines.get(1).endsWith(" GET /v1/orchestration/runs/" + uuid + " -> 429 (Fault[429 Retry-After 2])"),
                    lines.get(1));
        }
    }

    @Test
    void refusesSettingsThatAreNotWholeNumbers() {
        Properties latency = new Properties();
        latency.setProperty(SimulatorMain.LATENCY, "fast");

        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.start(new String[] {"http"}, new Properties()));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.start(new String[] {"-1"}, new Properties()));
        assertThrows(IllegalArgumentException.class, () -> SimulatorMain.start(new String[0], latency));
    }
}
