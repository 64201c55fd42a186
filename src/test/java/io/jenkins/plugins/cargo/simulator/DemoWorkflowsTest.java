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
    void childRunFailsHasAnErrorTraceCarryingTheChildRunsCredits() throws Exception {
        JsonNode created = http.createRun(DemoWorkflows.CHILD_RUN_FAILS);

        JsonNode run = getAt(created.get("uuid").asText(), Duration.ofSeconds(5)).get("run");
        JsonNode trace = trace(created.get("traceUuid").asText());

        assertEquals(0, credits(run), 0, "the parent's own nodes cost nothing");
        assertEquals("error", trace.get("status").asText());
        assertEquals(2.01, trace.get("creditsUsedCount").asDouble(), "the child's enrichment and lookup");
        assertEquals(5, trace.get("spansCount").asInt(), "2 of the parent's, 3 of the child's");
        assertEquals(2, trace.get("failedSpansCount").asInt(), "the child's lookup and the parent's tool node");
        assertEquals(RunJson.timestamp(T0.plus(Duration.ofSeconds(5))), trace.get("finishedAt").asText());
    }

    @Test
    void hasAFormServesItsFormOnTheDeployedReleaseAndSucceeds() throws Exception {
        JsonNode release = http.readOk("/v1/orchestration/releases/deployed?workflowUuid=" + DemoWorkflows.HAS_A_FORM)
                .get("release");

        assertEquals(DemoWorkflows.HAS_A_FORM_RELEASE, release.get("uuid").asText());
        assertEquals("2.0.0", release.get("version").asText());
        JsonNode form = release.get("formFields");
        assertEquals("[{\"name\":\"Domain\",\"description\":\"The company's website domain\","
                + "\"placeholder\":\"acme.com\",\"isRequired\":true,\"slug\":\"domain\",\"kind\":\"string\"},"
                + "{\"name\":\"Employees\",\"isRequired\":false,\"slug\":\"employees\",\"kind\":\"number\"},"
                + "{\"name\":\"Tier\",\"slug\":\"tier\",\"kind\":\"enum\",\"enum\":[\"gold\",\"silver\"]},"
                + "{\"name\":\"Contacts\",\"slug\":\"contacts\",\"kind\":\"array\",\"fields\":["
                + "{\"name\":\"Name\",\"isRequired\":true,\"slug\":\"name\",\"kind\":\"string\"},"
                + "{\"name\":\"Email\",\"placeholder\":\"jane@acme.com\",\"slug\":\"email\",\"kind\":\"string\"}]}]",
                form.toString());
        JsonNode releases = http.readOk("/v1/orchestration/releases/list?workflowUuid=" + DemoWorkflows.HAS_A_FORM)
                .get("releases");
        assertEquals(List.of(DemoWorkflows.HAS_A_FORM_RELEASE, DemoWorkflows.HAS_A_FORM_FIRST_RELEASE),
                List.of(releases.get(0).get("uuid").asText(), releases.get(1).get("uuid").asText()));
        assertEquals("archived", releases.get(1).get("status").asText());
        assertEquals("success", statusAt(create(DemoWorkflows.HAS_A_FORM), QUICK_RUN));
    }

    @Test
    void noDeployedReleaseHasOnlyADraftAndRefusesCreates() throws Exception {
        HttpResponse<String> deployed =
                http.read("/v1/orchestration/releases/deployed?workflowUuid=" + DemoWorkflows.NO_DEPLOYED_RELEASE);
        HttpResponse<String> created = http.create(SimHttp.body(DemoWorkflows.NO_DEPLOYED_RELEASE, "{}"));
        JsonNode releases = http.readOk("/v1/orchestration/releases/list?workflowUuid="
                + DemoWorkflows.NO_DEPLOYED_RELEASE).get("releases");

        assertEquals(404, deployed.statusCode());
        assertEquals("{\"reason\":\"releaseNotFound\"}", deployed.body());
        assertEquals(400, created.statusCode());
        assertEquals("{\"reason\":\"nodesNotFound\"}", created.body());
        assertEquals(1, releases.size());
        assertEquals("draft", releases.get(0).get("status").asText());
        assertEquals(List.of(), sim.runs());
    }

    @Test
    void everyOtherDemoHasADeployedReleaseWithoutAForm() throws Exception {
        for (DemoWorkflows.Demo demo : DemoWorkflows.all()) {
            String workflowUuid = demo.workflowUuid();
            if (workflowUuid.equals(DemoWorkflows.NO_DEPLOYED_RELEASE) || workflowUuid.equals(DemoWorkflows.HAS_A_FORM)) {
                continue;
            }
            JsonNode release = http.readOk("/v1/orchestration/releases/" + DemoWorkflows.deployedReleaseOf(workflowUuid))
                    .get("release");
            assertEquals(workflowUuid, release.get("workflowUuid").asText());
            assertEquals("deployed", release.get("status").asText());
            assertTrue(release.get("formFields").isNull(), demo.name());
        }
    }

    @Test
    void limitReachedFirstRefusesTheFirstTwoCreatesWithoutMakingRunsThenSucceeds() throws Exception {
        for (int i = 0; i < DemoWorkflows.REFUSED_CREATES; i++) {
            HttpResponse<String> refused = http.create(SimHttp.body(DemoWorkflows.LIMIT_REACHED_FIRST, "{}"));
            assertEquals(400, refused.statusCode());
            assertEquals("{\"reason\":\"concurrencyLimitReached\"}", refused.body());
        }
        assertEquals(List.of(), sim.runs());

        String uuid = create(DemoWorkflows.LIMIT_REACHED_FIRST);

        assertEquals("success", statusAt(uuid, QUICK_RUN));
        assertEquals(200, http.create(SimHttp.body(DemoWorkflows.LIMIT_REACHED_FIRST, "{}")).statusCode());
    }

    @Test
    void fallsBackSucceedsWithAFailedNodeAndADegradedTrace() throws Exception {
        JsonNode created = http.createRun(DemoWorkflows.FALLS_BACK);

        JsonNode ended = getAt(created.get("uuid").asText(), QUICK_RUN);
        JsonNode trace = trace(created.get("traceUuid").asText());

        assertEquals("success", ended.get("run").get("status").asText());
        assertEquals(DemoWorkflows.FAILING_NODE, failedExecution(ended.get("run")).get("nodeSlug").asText());
        assertEquals("apollo", ended.get("runContext").get("end").get("source").asText());
        List<String> slugs = new java.util.ArrayList<>();
        ended.get("run").get("executions").forEach(execution -> slugs.add(execution.get("nodeSlug").asText()));
        assertTrue(slugs.contains(DemoWorkflows.FALLBACK_NODE), slugs.toString());
        assertEquals("degraded", trace.get("status").asText());
        assertEquals(1, trace.get("failedSpansCount").asInt());
    }

    @Test
    void toolsNameEveryDemoWorkflowAndTheWorkspaceAndSubscriptionAreTheDemoOnes() throws Exception {
        JsonNode tools = http.readOk("/v1/orchestration/tools/list").get("tools");
        JsonNode workspace = http.readOk("/v1/workspaceManagement/workspaces/current").get("workspace");
        JsonNode subscription = http.readOk("/v1/billing/subscriptions").get("subscription");

        assertEquals(DemoWorkflows.all().size(), tools.size());
        for (int i = 0; i < tools.size(); i++) {
            DemoWorkflows.Demo demo = DemoWorkflows.all().get(i);
            assertEquals(demo.name(), tools.get(i).get("name").asText());
            assertEquals(demo.workflowUuid(), tools.get(i).get("workflowUuid").asText());
        }
        assertEquals(DemoWorkflows.WORKSPACE_NAME, workspace.get("name").asText());
        assertEquals(DemoWorkflows.MAX_CONCURRENT_RUNS, workspace.get("maxConcurrentRuns").asInt());
        assertEquals(4250, subscription.get("subscriptionAvailableCreditsCount").asDouble());
        assertEquals(750, subscription.get("subscriptionCreditsUsedCount").asDouble());
        assertEquals(500, subscription.get("additionalAvailableCreditsCount").asDouble());
        assertTrue(subscription.get("hasCredits").asBoolean());
    }

    @Test
    void uuidsAreDistinctVersionFourAndAllListedInTheDocs() throws IOException {
        Set<String> uuids = new HashSet<>();
        for (DemoWorkflows.Demo demo : DemoWorkflows.all()) {
            assertTrue(UUID_V4.matcher(demo.workflowUuid()).matches(), demo.workflowUuid());
            assertTrue(uuids.add(demo.workflowUuid()), "listed twice: " + demo.workflowUuid());
        }
        assertEquals(12, uuids.size());
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

    private JsonNode trace(String traceUuid) throws Exception {
        return http.readOk("/v1/orchestration/traces/" + traceUuid).get("trace");
    }

    private static double credits(JsonNode run) {
        double sum = 0;
        for (JsonNode execution : run.get("executions")) {
            sum += execution.get("creditsUsedCount").asDouble();
        }
        return sum;
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
