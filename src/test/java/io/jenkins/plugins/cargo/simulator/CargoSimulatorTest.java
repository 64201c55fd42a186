package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Drives the simulator over real HTTP with the JDK client, which shares no code with mockwebserver3,
 * and asserts what a client would observe plus the server-side state tests rely on.
 */
class CargoSimulatorTest {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String OTHER_WORKFLOW = "7a1c2d3e-4f50-4617-8829-9a0b1c2d3e4f";
    private static final String RELEASE = "0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e";
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CargoSimulator sim;
    private HttpClient http;

    @BeforeEach
    void startSimulator() throws IOException {
        sim = CargoSimulator.start();
        http = newClient();
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Test
    void listensOnLoopbackWithoutVersionPrefix() {
        assertTrue(sim.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), sim.baseUrl());
        assertEquals("sim-token", sim.acceptedToken());
    }

    @Nested
    class Create {

        @Test
        void answersRunInItsEarlyStateWithEveryDocumentedField() throws Exception {
            HttpResponse<String> response = create("{\"workflowUuid\":\"" + WORKFLOW + "\",\"releaseUuid\":\"" + RELEASE
                    + "\",\"data\":{\"domain\":\"acme.com\"}}");

            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("content-type").orElse(null));
            JsonNode run = json(response).get("run");
            assertTrue(UUID_V4.matcher(run.get("uuid").asText()).matches(), run.toString());
            assertTrue(UUID_V4.matcher(run.get("workspaceUuid").asText()).matches());
            assertTrue(UUID_V4.matcher(run.get("traceUuid").asText()).matches());
            assertEquals(WORKFLOW, run.get("workflowUuid").asText());
            assertEquals(RELEASE, run.get("releaseUuid").asText());
            assertTrue(run.get("userUuid").isNull());
            assertTrue(run.get("batchUuid").isNull());
            assertTrue(run.get("deletedAt").isNull());
            assertTrue(run.get("finishedAt").isNull());
            assertTrue(run.get("errorMessage").isNull());
            assertEquals("pending", run.get("status").asText());
            assertEquals(0, run.get("executions").size());
            assertEquals("{\"domain\":\"acme.com\"}", run.get("recordTitle").asText());
            assertTrue(TIMESTAMP.matcher(run.get("createdAt").asText()).matches(), run.get("createdAt").asText());
            assertTrue(TIMESTAMP.matcher(run.get("updatedAt").asText()).matches());
            assertTrue(run.has("temporalWorkflowId"), "an unknown field proves clients ignore extras");

            SimRun simRun = sim.run(run.get("uuid").asText());
            assertNotNull(simRun);
            assertEquals(WORKFLOW, simRun.workflowUuid());
            assertEquals(RELEASE, simRun.releaseUuid());
            assertEquals("{\"domain\":\"acme.com\"}", simRun.dataJson());
            assertEquals(Instant.parse(run.get("createdAt").asText()), simRun.createdAt());
            assertEquals("pending", simRun.status());
            assertEquals(0, simRun.getCount());
            assertNull(simRun.terminalAt());
            assertEquals(List.of(simRun), sim.runs());
        }

        @Test
        void withoutReleaseGivesNullReleaseAndUsesScriptCreateStatus() throws Exception {
            sim.script(WORKFLOW, RunScript.builder().createStatus("idle").step("running").build());

            JsonNode run = json(create(body(WORKFLOW, "{}"))).get("run");

            assertTrue(run.get("releaseUuid").isNull());
            assertEquals("idle", run.get("status").asText());
            assertNull(sim.runs().get(0).releaseUuid());
        }

        @Test
        void refusesMissingOrBlankWorkflowAndMissingDataWithoutMakingRuns() throws Exception {
            for (String bad : List.of(
                    "{\"data\":{}}",
                    "{\"workflowUuid\":\"  \",\"data\":{}}",
                    "{\"workflowUuid\":\"" + WORKFLOW + "\"}",
                    "not json")) {
                HttpResponse<String> response = create(bad);
                assertEquals(400, response.statusCode(), bad);
                assertEquals("invalidData", json(response).get("reason").asText(), bad);
                assertFalse(json(response).get("errorMessage").asText().isEmpty(), bad);
            }
            assertEquals(List.of(), sim.runs());
            assertEquals(4, sim.requests(Endpoint.CREATE).size());
        }

        @Test
        void acceptsExplicitNullData() throws Exception {
            assertEquals(200, create(body(WORKFLOW, "null")).statusCode());
            assertEquals("null", sim.runs().get(0).dataJson());
        }

        @Test
        void rejectCreatesAnswersConfiguredErrorForThatWorkflowOnly() throws Exception {
            sim.rejectCreates(WORKFLOW, 402, "notEnoughCredits", "Not enough credits.");
            sim.rejectCreates(OTHER_WORKFLOW, 409, null, null);

            HttpResponse<String> rejected = create(body(WORKFLOW, "{}"));
            HttpResponse<String> bare = create(body(OTHER_WORKFLOW, "{}"));
            HttpResponse<String> accepted = create(body("11111111-2222-4333-8444-555555555555", "{}"));

            assertEquals(402, rejected.statusCode());
            assertEquals("{\"reason\":\"notEnoughCredits\",\"errorMessage\":\"Not enough credits.\"}", rejected.body());
            assertEquals(409, bare.statusCode());
            assertEquals("{}", bare.body());
            assertEquals(200, accepted.statusCode());
            assertEquals(1, sim.runs().size());
        }
    }

    @Nested
    class Get {

        @Test
        void eachGetAdvancesDefaultScriptByOneStepAndLastRepeats() throws Exception {
            String uuid = createRun(WORKFLOW);

            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                seen.add(json(get(uuid)).get("run").get("status").asText());
            }

            assertEquals(List.of("pending", "running", "success", "success"), seen);
            SimRun run = sim.run(uuid);
            assertEquals(4, run.getCount());
            assertEquals("success", run.status());
            assertNotNull(run.terminalAt());
        }

        @Test
        void finishedAtAppearsOnlyWithTerminalStatusAndMatchesTerminalAt() throws Exception {
            sim.defaultScript(RunScript.of("running", "error"));
            String uuid = createRun(WORKFLOW);

            JsonNode running = json(get(uuid));
            assertTrue(running.get("run").get("finishedAt").isNull());
            assertNull(sim.run(uuid).terminalAt());

            JsonNode ended = json(get(uuid));

            assertEquals("error", ended.get("run").get("status").asText());
            assertEquals(sim.run(uuid).terminalAt(), Instant.parse(ended.get("run").get("finishedAt").asText()));
            assertTrue(ended.has("runComputedConfigs"));
        }

        @Test
        void builderScriptServesExecutionsErrorMessageAndOutput() throws Exception {
            sim.script(WORKFLOW, RunScript.builder()
                    .step("pending")
                    .step("running", new SimExecution("enrich", "Enriching", "pending", 0, null))
                    .step("error",
                            new SimExecution("enrich", "Enriched", "error", 0.25, "Provider timed out"),
                            new SimExecution("end", null, "pending", 0.01, null))
                    .errorMessage("Node enrich failed")
                    .output(Map.of("end", Map.of("score", 7)))
                    .build());
            String uuid = createRun(WORKFLOW, "{\"domain\":\"acme.com\"}");

            JsonNode first = json(get(uuid));
            JsonNode second = json(get(uuid));
            JsonNode third = json(get(uuid));

            assertEquals(0, first.get("run").get("executions").size());
            assertEquals("{\"start\":{\"domain\":\"acme.com\"}}", first.get("runContext").toString());

            JsonNode runningExecution = second.get("run").get("executions").get(0);
            assertTrue(second.get("run").get("errorMessage").isNull(), "errorMessage only once terminal");
            assertEquals("enrich", runningExecution.get("nodeSlug").asText());
            assertEquals("native", runningExecution.get("nodeKind").asText());
            assertEquals("pending", runningExecution.get("status").asText());
            assertEquals("Enriching", runningExecution.get("title").asText());
            assertFalse(runningExecution.get("nodeWaitUntilFinished").asBoolean(true));
            assertTrue(runningExecution.get("finishedAt").isNull());
            assertTrue(TIMESTAMP.matcher(runningExecution.get("startedAt").asText()).matches());

            JsonNode run = third.get("run");
            assertEquals("error", run.get("status").asText());
            assertEquals("Node enrich failed", run.get("errorMessage").asText());
            JsonNode failed = run.get("executions").get(0);
            assertEquals(runningExecution.get("nodeUuid"), failed.get("nodeUuid"), "a node keeps its uuid across polls");
            assertEquals(runningExecution.get("startedAt"), failed.get("startedAt"));
            assertEquals(0.25, failed.get("creditsUsedCount").asDouble());
            assertTrue(failed.get("creditsUsedCount").isNumber());
            assertEquals("Provider timed out", failed.get("errorMessage").asText());
            assertTrue(TIMESTAMP.matcher(failed.get("finishedAt").asText()).matches());
            assertTrue(run.get("executions").get(1).get("title").isNull());
            assertEquals("{\"end\":{\"score\":7}}", third.get("runContext").toString());
        }

        @Test
        void unknownStatusStringsCanBeScripted() throws Exception {
            sim.defaultScript(RunScript.of("paused"));
            String uuid = createRun(WORKFLOW);

            JsonNode run = json(get(uuid)).get("run");

            assertEquals("paused", run.get("status").asText());
            assertTrue(run.get("finishedAt").isNull());
            assertNull(sim.run(uuid).terminalAt());
        }

        @Test
        void unknownRunIs404AndDeletedRunTurns404WithoutCounting() throws Exception {
            HttpResponse<String> unknown = get("5d0f3a52-7d4e-4d7a-9f7e-2a1b3c4d5e6f");
            assertEquals(404, unknown.statusCode());
            assertEquals("{\"errorMessage\":\"Run not found.\"}", unknown.body());

            String uuid = createRun(WORKFLOW);
            assertEquals(200, get(uuid).statusCode());
            sim.deleteRun(uuid);
            HttpResponse<String> vanished = get(uuid);

            assertEquals(404, vanished.statusCode());
            assertEquals("Run not found.", json(vanished).get("errorMessage").asText());
            assertEquals(1, sim.run(uuid).getCount());
            assertTrue(sim.run(uuid).deleted());
            assertThrows(IllegalArgumentException.class, () -> sim.deleteRun("nope"));
        }

        @Test
        void runsOfOtherWorkflowsUseDefaultScript() throws Exception {
            sim.script(WORKFLOW, RunScript.of("skipped"));
            String scripted = createRun(WORKFLOW);
            String defaulted = createRun(OTHER_WORKFLOW);

            assertEquals("skipped", json(get(scripted)).get("run").get("status").asText());
            assertEquals("pending", json(get(defaulted)).get("run").get("status").asText());
        }

        @Test
        void timedScriptFollowsTheWallClock() throws Exception {
            sim.defaultScript(RunScript.timed(Duration.ofMillis(400), "success"));
            String uuid = createRun(WORKFLOW);
            SimRun run = sim.run(uuid);

            assertEquals("running", json(get(uuid)).get("run").get("status").asText());
            assertNull(run.terminalAt());
            Thread.sleep(600);
            assertEquals("success", run.status(), "the state ends on time even without a poll");
            JsonNode ended = json(get(uuid)).get("run");

            assertEquals("success", ended.get("status").asText());
            assertEquals(run.createdAt().plusMillis(400), run.terminalAt());
            assertEquals(run.terminalAt(), Instant.parse(ended.get("finishedAt").asText()));
            assertEquals(2, run.getCount());
        }
    }

    @Nested
    class Cancel {

        @Test
        void showsCancellingForOnePollThenCancelled() throws Exception {
            sim.defaultScript(RunScript.of("pending", "running"));
            String uuid = createRun(WORKFLOW);
            get(uuid);

            HttpResponse<String> cancelled = cancel(WORKFLOW, uuid);

            assertEquals(200, cancelled.statusCode());
            assertEquals("{}", cancelled.body());
            SimRun run = sim.run(uuid);
            assertEquals("cancelling", run.status());
            assertEquals(1, run.cancelRequests());
            JsonNode first = json(get(uuid)).get("run");
            assertEquals("cancelling", first.get("status").asText());
            assertTrue(first.get("finishedAt").isNull());
            JsonNode second = json(get(uuid)).get("run");
            assertEquals("cancelled", second.get("status").asText());
            assertEquals(run.terminalAt(), Instant.parse(second.get("finishedAt").asText()));
            assertTrue(second.get("errorMessage").isNull());
            assertEquals("cancelled", json(get(uuid)).get("run").get("status").asText());
        }

        @Test
        void cancelPollsSetsHowLongCancellingLasts() throws Exception {
            sim.defaultScript(RunScript.builder().step("running").cancelPolls(2).build());
            String uuid = createRun(WORKFLOW);
            cancel(WORKFLOW, uuid);

            List<String> seen = List.of(status(uuid), status(uuid), status(uuid));

            assertEquals(List.of("cancelling", "cancelling", "cancelled"), seen);
        }

        @Test
        void zeroCancelPollsCancelsAtOnce() throws Exception {
            sim.defaultScript(RunScript.builder().step("running").cancelPolls(0).build());
            String uuid = createRun(WORKFLOW);

            cancel(WORKFLOW, uuid);

            assertEquals("cancelled", sim.run(uuid).status());
            assertNotNull(sim.run(uuid).terminalAt());
            assertEquals("cancelled", status(uuid));
        }

        @Test
        void terminalUnknownAndOtherWorkflowRunsAreIgnored() throws Exception {
            sim.defaultScript(RunScript.of("success"));
            String finished = createRun(WORKFLOW);
            get(finished);
            sim.script(OTHER_WORKFLOW, RunScript.of("running"));
            String foreign = createRun(OTHER_WORKFLOW);

            HttpResponse<String> response = cancel(WORKFLOW, finished, "9e8d7c6b-5a49-4382-9160-5f4e3d2c1b0a", foreign);

            assertEquals(200, response.statusCode());
            assertEquals("success", status(finished));
            assertEquals(1, sim.run(finished).cancelRequests());
            assertEquals("running", status(foreign));
            assertEquals(0, sim.run(foreign).cancelRequests());
        }

        @Test
        void byFilterFormIsRefusedButRecorded() throws Exception {
            String uuid = createRun(WORKFLOW);
            String byFilter = "{\"workflowUuid\":\"" + WORKFLOW + "\",\"createdAfter\":\"2020-01-01T00:00:00Z\"}";

            HttpResponse<String> response = post("/v1/orchestration/runs/cancel", byFilter);

            assertEquals(400, response.statusCode());
            assertEquals("{\"reason\":\"invalidData\",\"errorMessage\":\"uuids is required\"}", response.body());
            assertEquals(byFilter, sim.requests(Endpoint.CANCEL).get(0).body());
            assertEquals("pending", sim.run(uuid).status());
        }
    }

    @Nested
    class ListRuns {

        @Test
        void filtersByWorkflowAndCreatedAfterNewestFirstWithTotalCount() throws Exception {
            String old = createRun(WORKFLOW);
            Thread.sleep(20);
            Instant cutoff = Instant.now();
            Thread.sleep(20);
            String first = createRun(WORKFLOW);
            String second = createRun(WORKFLOW);
            String third = createRun(WORKFLOW);
            createRun(OTHER_WORKFLOW);
            String deleted = createRun(WORKFLOW);
            sim.deleteRun(deleted);

            JsonNode all = json(list("{\"workflowUuid\":\"" + WORKFLOW + "\",\"createdAfter\":\"" + cutoff + "\"}"));
            JsonNode page = json(list("{\"workflowUuid\":\"" + WORKFLOW + "\",\"createdAfter\":\"" + cutoff
                    + "\",\"limit\":1,\"offset\":1}"));
            JsonNode everything = json(list("{\"workflowUuid\":\"" + WORKFLOW + "\"}"));

            assertEquals(List.of(third, second, first), uuids(all));
            assertEquals(3, all.get("count").asInt());
            assertEquals(List.of(second), uuids(page));
            assertEquals(3, page.get("count").asInt());
            assertEquals(List.of(third, second, first, old), uuids(everything));
            assertEquals(0, sim.run(first).getCount(), "listing does not advance scripts");
        }

        @Test
        void createdAfterIsInclusiveOfTheExactCreatedAt() throws Exception {
            String uuid = createRun(WORKFLOW);
            String createdAt = RunJson.timestamp(sim.run(uuid).createdAt());

            JsonNode listed = json(list("{\"workflowUuid\":\"" + WORKFLOW + "\",\"createdAfter\":\"" + createdAt + "\"}"));

            assertEquals(List.of(uuid), uuids(listed));
        }

        @Test
        void filtersByCurrentStatusAndDefaultsLimitTo25() throws Exception {
            sim.defaultScript(RunScript.of("running"));
            String running = createRun(WORKFLOW);
            get(running);
            for (int i = 0; i < 26; i++) {
                createRun(WORKFLOW);
            }

            JsonNode onlyRunning = json(list("{\"workflowUuid\":\"" + WORKFLOW + "\",\"statuses\":[\"running\"]}"));
            JsonNode unfiltered = json(list("{\"workflowUuid\":\"" + WORKFLOW + "\"}"));

            assertEquals(List.of(running), uuids(onlyRunning));
            assertEquals(25, unfiltered.get("runs").size());
            assertEquals(27, unfiltered.get("count").asInt());
        }

        @Test
        void refusesBadFilters() throws Exception {
            assertEquals(400, list("{}").statusCode());
            assertEquals(400, list("{\"workflowUuid\":\"" + WORKFLOW + "\",\"createdAfter\":\"yesterday\"}").statusCode());
            assertEquals(400, list("{\"workflowUuid\":\"" + WORKFLOW + "\",\"limit\":-1}").statusCode());
        }
    }

    @Nested
    class AuthAndRouting {

        @Test
        void missingOrWrongTokenIs401AndStillRecorded() throws Exception {
            HttpResponse<String> missing = http.send(
                    HttpRequest.newBuilder(uri("/v1/orchestration/runs")).POST(bodyOf(body(WORKFLOW, "{}"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrong = send("GET", "/v1/orchestration/runs/x", null, "Bearer not-it");

            assertEquals(401, missing.statusCode());
            assertEquals("{\"errorMessage\":\"unauthorized\"}", missing.body());
            assertEquals(401, wrong.statusCode());
            assertEquals(List.of(), sim.runs());
            assertEquals(2, sim.requests().size());
            assertNull(sim.requests().get(0).header("Authorization"));
            assertEquals("Bearer not-it", sim.requests().get(1).header("AUTHORIZATION"));
        }

        @Test
        void acceptTokenReplacesTheAcceptedToken() throws Exception {
            sim.acceptToken("rotated");

            assertEquals(401, send("POST", "/v1/orchestration/runs", body(WORKFLOW, "{}"), "Bearer sim-token")
                    .statusCode());
            assertEquals(200, send("POST", "/v1/orchestration/runs", body(WORKFLOW, "{}"), "bearer rotated").statusCode());
            assertEquals("rotated", sim.acceptedToken());
        }

        @Test
        void unknownRoutesAre404NotFound() throws Exception {
            for (String[] route : List.of(
                    new String[] {"GET", "/v1/orchestration/batches/abc"},
                    new String[] {"GET", "/v1/orchestration/runs"},
                    new String[] {"POST", "/v1/orchestration/runs/count"},
                    new String[] {"DELETE", "/v1/orchestration/runs/abc"})) {
                HttpResponse<String> response = send(route[0], route[1], route[0].equals("POST") ? "{}" : null, bearer());
                assertEquals(404, response.statusCode(), route[1]);
                assertEquals("{\"errorMessage\":\"Not found.\"}", response.body());
            }
            assertEquals(4, sim.requests(Endpoint.OTHER).size());
        }

        @Test
        void recordsEndpointMethodPathLowerCaseHeadersAndBody() throws Exception {
            String body = body(WORKFLOW, "{\"a\":1}");
            Instant before = Instant.now().minusMillis(1);
            create(body);
            String uuid = sim.runs().get(0).uuid();
            get(uuid + "?verbose=1");

            SimRequest createRequest = sim.requests(Endpoint.CREATE).get(0);
            assertEquals("POST", createRequest.method());
            assertEquals("/v1/orchestration/runs", createRequest.path());
            assertEquals(body, createRequest.body());
            assertEquals("application/json", createRequest.header("Content-Type"));
            assertTrue(createRequest.headers().keySet().stream().allMatch(k -> k.equals(k.toLowerCase())));
            assertFalse(createRequest.receivedAt().isBefore(before));
            SimRequest getRequest = sim.requests(Endpoint.GET).get(0);
            assertEquals("/v1/orchestration/runs/" + uuid + "?verbose=1", getRequest.path());
            assertEquals("", getRequest.body());
            assertEquals(List.of(createRequest, getRequest), sim.requests(Endpoint.ANY));
            assertEquals(1, sim.run(uuid).getCount());
        }
    }

    @Nested
    class Faults {

        @Test
        void statusSendsRawBodyAsJsonAndDoesNotProcess() throws Exception {
            sim.enqueue(Endpoint.CREATE, Fault.status(418, "{\"reason\":\"teapot\"}"));
            sim.enqueue(Endpoint.CREATE, Fault.status(503, null));

            HttpResponse<String> first = create(body(WORKFLOW, "{}"));
            HttpResponse<String> second = create(body(WORKFLOW, "{}"));
            HttpResponse<String> third = create(body(WORKFLOW, "{}"));

            assertEquals(418, first.statusCode());
            assertEquals("{\"reason\":\"teapot\"}", first.body());
            assertEquals("application/json", first.headers().firstValue("content-type").orElse(null));
            assertEquals(503, second.statusCode());
            assertEquals("", second.body());
            assertEquals(200, third.statusCode());
            assertEquals(1, sim.runs().size());
            assertEquals(3, sim.requests(Endpoint.CREATE).size(), "faulted requests are recorded too");
        }

        @Test
        void tooManyRequestsWithAndWithoutRetryAfter() throws Exception {
            String uuid = createRun(WORKFLOW);
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests());
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests("7"));
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests("Wed, 21 Oct 2037 07:28:00 GMT"));

            HttpResponse<String> bare = get(uuid);
            HttpResponse<String> seconds = get(uuid);
            HttpResponse<String> date = get(uuid);

            assertEquals(429, bare.statusCode());
            assertEquals("", bare.body());
            assertTrue(bare.headers().firstValue("retry-after").isEmpty());
            assertEquals(429, seconds.statusCode());
            assertEquals("7", seconds.headers().firstValue("retry-after").orElse(null));
            assertEquals("Wed, 21 Oct 2037 07:28:00 GMT", date.headers().firstValue("retry-after").orElse(null));
            assertEquals(0, sim.run(uuid).getCount(), "a faulted GET neither advances nor counts");
            assertEquals("pending", status(uuid), "the script resumes where it was");
        }

        @Test
        void serverErrorSendsHtml() throws Exception {
            sim.enqueue(Endpoint.LIST, Fault.serverError(502));

            HttpResponse<String> response = list("{\"workflowUuid\":\"" + WORKFLOW + "\"}");

            assertEquals(502, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            assertTrue(response.body().startsWith("<html>"));
            assertThrows(IOException.class, () -> MAPPER.readTree(response.body()));
            assertThrows(IllegalArgumentException.class, () -> Fault.serverError(404));
        }

        @Test
        void resetConnectionAnswersNothingAndCreatesNoRun() throws Exception {
            sim.enqueue(Endpoint.CREATE, Fault.resetConnection());

            assertThrows(IOException.class, () -> create(body(WORKFLOW, "{}")));

            assertEquals(List.of(), sim.runs());
            assertEquals(1, sim.requests(Endpoint.CREATE).size());
            assertEquals(200, create(body(WORKFLOW, "{}")).statusCode(), "only one request is hit");
        }

        @Test
        void processThenDropResponseAnswersNothingButCreatesTheRun() throws Exception {
            sim.enqueue(Endpoint.CREATE, Fault.processThenDropResponse());

            assertThrows(IOException.class, () -> create(body(WORKFLOW, "{\"k\":\"v\"}")));

            assertEquals(1, sim.runs().size());
            assertEquals("{\"k\":\"v\"}", sim.runs().get(0).dataJson());
        }

        @Test
        void processThenStallLetsTheClientTimeOutAfterTheRunWasMade() throws Exception {
            sim.enqueue(Endpoint.CREATE, Fault.processThenStall(Duration.ofSeconds(5)));
            HttpRequest request = authorized("/v1/orchestration/runs")
                    .timeout(Duration.ofMillis(300))
                    .POST(bodyOf(body(WORKFLOW, "{}")))
                    .build();

            long started = System.nanoTime();
            assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));

            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 4000);
            assertEquals(1, sim.runs().size());
        }

        @Test
        void delayHoldsAProcessedResponse() throws Exception {
            String uuid = createRun(WORKFLOW);
            sim.enqueue(Endpoint.GET, Fault.delay(Duration.ofMillis(500)));

            long started = System.nanoTime();
            HttpResponse<String> response = get(uuid);

            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 450);
            assertEquals(200, response.statusCode());
            assertEquals("pending", json(response).get("run").get("status").asText());
            assertEquals(1, sim.run(uuid).getCount());
        }

        @Test
        void emptyBodyAndNonJson() throws Exception {
            sim.enqueue(Endpoint.GET, Fault.emptyBody(502));
            sim.enqueue(Endpoint.GET, Fault.nonJson(200));

            HttpResponse<String> empty = get("any");
            HttpResponse<String> html = get("any");

            assertEquals(502, empty.statusCode());
            assertEquals("", empty.body());
            assertEquals("0", empty.headers().firstValue("content-length").orElse(null));
            assertEquals(200, html.statusCode());
            assertEquals("<html><body>upstream error</body></html>", html.body());
            assertEquals("text/html", html.headers().firstValue("content-type").orElse(null));
        }

        @Test
        void truncatedBodyCannotBeReadFully() throws Exception {
            String uuid = createRun(WORKFLOW);
            sim.enqueue(Endpoint.GET, Fault.truncatedBody());
            sim.enqueue(Endpoint.GET, Fault.truncatedBody());

            assertThrows(IOException.class, () -> get(uuid));
            RawResponse raw = rawGet("/v1/orchestration/runs/" + uuid);

            assertTrue(raw.head().startsWith("HTTP/1.1 200"), raw.head());
            assertTrue(raw.head().toLowerCase().contains("content-type: application/json"));
            long declared = raw.contentLength();
            assertTrue(raw.body().length > 0 && raw.body().length < declared,
                    raw.body().length + " of " + declared + " bytes");
            assertEquals(0, sim.run(uuid).getCount());
        }

        @Test
        void hugeBodyIsValidJsonOfTheRequestedSize() throws Exception {
            long size = 9L * 1024 * 1024 + 7;
            sim.enqueue(Endpoint.GET, Fault.hugeBody(size));

            HttpResponse<InputStream> response = http.send(
                    authorized("/v1/orchestration/runs/any").GET().build(), HttpResponse.BodyHandlers.ofInputStream());

            assertEquals(200, response.statusCode());
            assertEquals(String.valueOf(size), response.headers().firstValue("content-length").orElse(null));
            CountingStream counted = new CountingStream(response.body());
            assertEquals(1, countTopLevelFields(counted));
            assertEquals(size, counted.count);
            assertThrows(IllegalArgumentException.class, () -> Fault.hugeBody(3));
        }

        @Test
        void unauthorizedForbiddenNotFoundEvenWithGoodToken() throws Exception {
            String uuid = createRun(WORKFLOW);
            sim.enqueue(Endpoint.GET, Fault.unauthorized());
            sim.enqueue(Endpoint.GET, Fault.forbidden());
            sim.enqueue(Endpoint.GET, Fault.notFound());

            HttpResponse<String> unauthorized = get(uuid);
            HttpResponse<String> forbidden = get(uuid);
            HttpResponse<String> notFound = get(uuid);

            assertEquals(401, unauthorized.statusCode());
            assertEquals("{\"errorMessage\":\"unauthorized\"}", unauthorized.body());
            assertEquals(403, forbidden.statusCode());
            assertEquals("{\"errorMessage\":\"forbidden\"}", forbidden.body());
            assertEquals(404, notFound.statusCode());
            assertEquals("{\"errorMessage\":\"Run not found.\"}", notFound.body());
            assertEquals(0, sim.run(uuid).getCount());
            assertEquals(200, get(uuid).statusCode());
        }

        @Test
        void unknownStatusReplacesOnlyTheServedStatus() throws Exception {
            String uuid = createRun(WORKFLOW);
            sim.enqueue(Endpoint.GET, Fault.unknownStatus("hibernating"));

            JsonNode served = json(get(uuid)).get("run");

            assertEquals("hibernating", served.get("status").asText());
            assertEquals(uuid, served.get("uuid").asText());
            assertEquals("pending", sim.run(uuid).status());
            assertEquals(1, sim.run(uuid).getCount());
            assertEquals("running", status(uuid), "the script went on underneath");
        }

        @Test
        void faultsAreFifoPerEndpointAndAnyComesAfterTheSpecificQueue() throws Exception {
            String uuid = createRun(WORKFLOW);
            sim.enqueue(Endpoint.GET, Fault.status(501, null));
            sim.enqueue(Endpoint.ANY, Fault.status(502, null));
            sim.enqueue(Endpoint.GET, Fault.status(503, null));
            sim.enqueue(Endpoint.ANY, Fault.status(504, null));

            List<Integer> gets = List.of(get(uuid).statusCode(), get(uuid).statusCode(), get(uuid).statusCode());
            int listStatus = list("{\"workflowUuid\":\"" + WORKFLOW + "\"}").statusCode();
            int afterAll = get(uuid).statusCode();

            assertEquals(List.of(501, 503, 502), gets);
            assertEquals(504, listStatus);
            assertEquals(200, afterAll);
        }
    }

    @Test
    void concurrentClientsCreateAndPollManyRunsToTheEnd() throws Exception {
        sim.defaultScript(RunScript.timed(Duration.ofMillis(200), "success"));
        int threads = 8;
        int runsPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> polls = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                polls.add(pool.submit(() -> createAndPollToEnd(runsPerThread)));
            }
            int totalGets = 0;
            for (Future<Integer> poll : polls) {
                totalGets += poll.get();
            }

            assertEquals(threads * runsPerThread, sim.runs().size());
            assertTrue(sim.runs().stream().allMatch(run -> "success".equals(run.status())));
            assertEquals(totalGets, sim.requests(Endpoint.GET).size());
            assertEquals(totalGets, sim.runs().stream().mapToInt(SimRun::getCount).sum());
            assertEquals(threads * runsPerThread, sim.requests(Endpoint.CREATE).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptedConnectionsHaveNagleOff() throws Exception {
        // With Nagle on, each response would wait ~40 ms for a delayed ACK between its headers and body.
        try (var server = new NoDelayServerSocketFactory().createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            assertTrue(accepted.getTcpNoDelay());
            assertFalse(client.getTcpNoDelay(), "the factory changes only the server side");
        }
    }

    /** Creates {@code count} runs, then polls them all until each is terminal; returns the GETs made. */
    private int createAndPollToEnd(int count) throws Exception {
        List<String> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            open.add(createRun(WORKFLOW));
        }
        int gets = 0;
        while (!open.isEmpty()) {
            List<String> stillOpen = new ArrayList<>();
            for (String uuid : open) {
                gets++;
                if (!RunStatuses.isTerminal(status(uuid))) {
                    stillOpen.add(uuid);
                }
            }
            open = stillOpen;
            Thread.sleep(20);
        }
        return gets;
    }

    // ----- HTTP helpers -----

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static String body(String workflowUuid, String dataJson) {
        return "{\"workflowUuid\":\"" + workflowUuid + "\",\"data\":" + dataJson + "}";
    }

    private String createRun(String workflowUuid) throws Exception {
        return createRun(workflowUuid, "{}");
    }

    private String createRun(String workflowUuid, String dataJson) throws Exception {
        HttpResponse<String> response = create(body(workflowUuid, dataJson));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("run").get("uuid").asText();
    }

    private String status(String uuid) throws Exception {
        HttpResponse<String> response = get(uuid);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("run").get("status").asText();
    }

    private HttpResponse<String> create(String json) throws Exception {
        return post("/v1/orchestration/runs", json);
    }

    private HttpResponse<String> get(String uuid) throws Exception {
        return send("GET", "/v1/orchestration/runs/" + uuid, null, bearer());
    }

    private HttpResponse<String> cancel(String workflowUuid, String... uuids) throws Exception {
        String list = String.join("\",\"", uuids);
        return post("/v1/orchestration/runs/cancel",
                "{\"workflowUuid\":\"" + workflowUuid + "\",\"uuids\":[\"" + list + "\"]}");
    }

    private HttpResponse<String> list(String json) throws Exception {
        return post("/v1/orchestration/runs/list", json);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, bearer());
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", authorization);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : bodyOf(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", bearer());
    }

    private String bearer() {
        return "Bearer " + sim.acceptedToken();
    }

    private URI uri(String path) {
        return URI.create(sim.baseUrl() + path);
    }

    private static HttpRequest.BodyPublisher bodyOf(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    private static List<String> uuids(JsonNode listReply) {
        List<String> uuids = new ArrayList<>();
        listReply.get("runs").forEach(run -> uuids.add(run.get("uuid").asText()));
        return uuids;
    }

    /** Streams through a JSON object (failing if it is not valid) and counts its top-level fields. */
    private static int countTopLevelFields(InputStream in) throws IOException {
        int fields = 0;
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields++;
                parser.nextToken();
                parser.skipChildren();
            }
            assertEquals(JsonToken.END_OBJECT, parser.currentToken());
            assertNull(parser.nextToken());
        }
        return fields;
    }

    /** A response read off a raw socket until the server closes it, to see exactly what was sent. */
    private record RawResponse(String head, byte[] body) {
        long contentLength() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    return Long.parseLong(line.substring("content-length:".length()).trim());
                }
            }
            throw new AssertionError("no Content-Length in " + head);
        }
    }

    private RawResponse rawGet(String path) throws IOException {
        URI base = URI.create(sim.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAuthorization: " + bearer()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            byte[] body = new byte[all.length - headEnd - 4];
            System.arraycopy(all, headEnd + 4, body, 0, body.length);
            return new RawResponse(text.substring(0, headEnd), body);
        }
    }

    /** Counts the bytes a parser actually pulled through. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
