package io.jenkins.plugins.cargo.simulator;

import static io.jenkins.plugins.cargo.simulator.DemoWorkflows.QUICK_RUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each demo workflow does what {@link DemoWorkflows} and docs/simulator.md say, on a manual clock. */
class DemoWorkflowsTest {

    private static final Instant T0 = Instant.parse("2030-01-02T03:04:05.000Z");
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Duration JUST_BEFORE = Duration.ofMillis(1);

    private final ManualClock clock = new ManualClock(T0);
    private CargoSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.builder().clock(clock).start();
        DemoWorkflows.install(sim);
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void succeedsAfterAFewSecondsWithAnOutputInRunContextEnd() throws Exception {
        String uuid = create(DemoWorkflows.SUCCEEDS);

        assertEquals("running", statusAt(uuid, QUICK_RUN.minus(JUST_BEFORE)));
        JsonNode ended = getAt(uuid, QUICK_RUN);

        assertEquals("success", ended.get("run").get("status").asText());
        assertEquals(RunJson.timestamp(T0.plus(QUICK_RUN)), ended.get("run").get("finishedAt").asText());
        assertEquals(87, ended.get("runContext").get("end").get("score").asInt());
        assertEquals(Set.of("native", "connector", "agent"), kinds(ended.get("run")));
    }

    @Test
    void failsAtTheNamedNode() throws Exception {
        String uuid = create(DemoWorkflows.FAILS_AT_NODE);

        assertEquals("running", statusAt(uuid, QUICK_RUN.minus(JUST_BEFORE)));
        JsonNode run = getAt(uuid, QUICK_RUN).get("run");

        assertEquals("error", run.get("status").asText());
        assertTrue(run.get("errorMessage").asText().contains(DemoWorkflows.FAILING_NODE), run.toString());
        JsonNode failed = failedExecution(run);
        assertEquals(DemoWorkflows.FAILING_NODE, failed.get("nodeSlug").asText());
        assertFalse(failed.get("errorMessage").asText().isEmpty());
    }

    @Test
    void takesAMinuteLoopingOverANode() throws Exception {
        String uuid = create(DemoWorkflows.TAKES_A_MINUTE);

        assertEquals("running", statusAt(uuid, DemoWorkflows.LONG_RUN.minus(JUST_BEFORE)));
        JsonNode run = getAt(uuid, DemoWorkflows.LONG_RUN).get("run");

        assertEquals("success", run.get("status").asText());
        List<Integer> passes = new java.util.ArrayList<>();
        run.get("executions").forEach(execution -> {
            if (execution.get("nodeSlug").asText().equals("score-lead")) {
                passes.add(execution.get("nodeChildIndex").asInt());
            }
        });
        assertEquals(List.of(0, 1, 2, 3, 4), passes);
    }

    @Test
    void endsSkipped() throws Exception {
        String uuid = create(DemoWorkflows.SKIPPED);

        assertEquals("pending", statusAt(uuid, QUICK_RUN.minus(JUST_BEFORE)));
        assertEquals("skipped", statusAt(uuid, QUICK_RUN));
    }

    @Test
    void rateLimitedFirstAnswers429WithRetryAfterThenSucceeds() throws Exception {
        String uuid = create(DemoWorkflows.RATE_LIMITED_FIRST);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> limited = http.get(uuid);
            assertEquals(429, limited.statusCode());
            assertEquals(DemoWorkflows.RETRY_AFTER_SECONDS, limited.headers().firstValue("retry-after").orElse(null));
        }
        assertEquals("success", statusAt(uuid, QUICK_RUN));
        assertEquals(429, http.get(create(DemoWorkflows.RATE_LIMITED_FIRST)).statusCode(), "every run, not just one");
    }

    @Test
    void unavailableFirstAnswers503ThenSucceeds() throws Exception {
        String uuid = create(DemoWorkflows.UNAVAILABLE_FIRST);

        assertEquals(List.of(503, 503), List.of(http.get(uuid).statusCode(), http.get(uuid).statusCode()));
        assertEquals("success", statusAt(uuid, QUICK_RUN));
    }

    @Test
    void childRunFailsHasAFailingToolNodeWhoseChildRunFailsAtANamedNode() throws Exception {
        String uuid = create(DemoWorkflows.CHILD_RUN_FAILS);

        JsonNode run = getAt(uuid, Duration.ofSeconds(5)).get("run");
        assertEquals("error", run.get("status").asText());
        JsonNode tool = failedExecution(run);
        assertEquals(DemoWorkflows.FAILING_TOOL_NODE, tool.get("nodeSlug").asText());
        assertEquals("tool", tool.get("nodeKind").asText());
        JsonNode child = http.getOk(tool.get("nodeRunUuid").asText()).get("run");

        assertEquals(DemoWorkflows.FAILING_TOOL, child.get("workflowUuid").asText());
        assertEquals(uuid, child.get("parentUuid").asText());
        assertEquals(tool.get("nodeUuid"), child.get("parentNodeUuid"));
        assertEquals("error", child.get("status").asText());
        assertEquals(DemoWorkflows.FAILING_CHILD_NODE, failedExecution(child).get("nodeSlug").asText());
        assertTrue(Instant.parse(child.get("finishedAt").asText()).isBefore(Instant.parse(run.get("finishedAt").asText())),
                "the child fails before its parent does");
    }

    @Test
    void theFailingToolAlsoFailsWhenRunDirectly() throws Exception {
        String uuid = create(DemoWorkflows.FAILING_TOOL);

        JsonNode run = getAt(uuid, Duration.ofSeconds(3)).get("run");

        assertEquals("error", run.get("status").asText());
        assertEquals(DemoWorkflows.FAILING_CHILD_NODE, failedExecution(run).get("nodeSlug").asText());
    }

    @Test
    void uuidsAreDistinctVersionFourAndAllListedInTheDocs() throws IOException {
        Set<String> uuids = new HashSet<>();
        for (DemoWorkflows.Demo demo : DemoWorkflows.all()) {
            assertTrue(UUID_V4.matcher(demo.workflowUuid()).matches(), demo.workflowUuid());
            assertTrue(uuids.add(demo.workflowUuid()), "listed twice: " + demo.workflowUuid());
        }
        assertEquals(8, uuids.size());
        Path docs = findUp(Path.of("docs", "simulator.md"));
        Assumptions.assumeTrue(docs != null, "docs/simulator.md is not above the working directory");
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        for (String uuid : uuids) {
            assertTrue(text.contains(uuid), "docs/simulator.md does not list " + uuid);
        }
    }

    private String create(String workflowUuid) throws Exception {
        return http.createRun(workflowUuid).get("uuid").asText();
    }

    /** The run as a GET at {@code sinceStart} after T0 shows it (moving the clock there first). */
    private JsonNode getAt(String uuid, Duration sinceStart) throws Exception {
        Duration ahead = Duration.between(clock.instant(), T0.plus(sinceStart));
        clock.advance(ahead);
        return http.getOk(uuid);
    }

    private String statusAt(String uuid, Duration sinceStart) throws Exception {
        return getAt(uuid, sinceStart).get("run").get("status").asText();
    }

    private static JsonNode failedExecution(JsonNode run) {
        for (JsonNode execution : run.get("executions")) {
            if (execution.get("status").asText().equals("error")) {
                return execution;
            }
        }
        throw new AssertionError("no failed execution in " + run);
    }

    private static Set<String> kinds(JsonNode run) {
        Set<String> kinds = new HashSet<>();
        run.get("executions").forEach(execution -> kinds.add(execution.get("nodeKind").asText()));
        return kinds;
    }

    /** The first {@code relative} path found from the working directory upwards, or null. */
    private static Path findUp(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return null;
    }
}
