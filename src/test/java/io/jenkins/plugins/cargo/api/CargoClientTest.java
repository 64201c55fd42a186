package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.Fault;
import io.jenkins.plugins.cargo.simulator.RunScript;
import io.jenkins.plugins.cargo.simulator.SimExecution;
import io.jenkins.plugins.cargo.simulator.SimRequest;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CargoClientTest {
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";
    private static final String RELEASE = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CargoSimulator sim;
    private final RecordingScheduler scheduler = new RecordingScheduler();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.start();
        client = clientFor(sim.baseUrl(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private TestClient clientFor(String url, Clock clock) {
        return TestClient.builder(CargoApiUrl.parse(url), sim::acceptedToken)
                .scheduler(scheduler)
                .clock(clock)
                .originVersion("1.2.3-test")
                .readTimeout(Duration.ofMillis(500))
                .callTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.of(4, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1)))
                .listener(new ClientListener() {
                    @Override
                    public void retrying(String what, CargoException failure, int failedAttempts, Duration delay) {
                        heard.add("retry " + failedAttempts + ": " + what);
                    }

                    @Override
                    public void foundLostRun(CargoRun run, CargoException lost) {
                        heard.add("found " + run.uuid());
                    }
                })
                .build();
    }

    private CargoRun create() throws Exception {
        return client.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of("domain", "acme.com")), null));
    }

    // --- create, get, cancel, list -------------------------------------------------------------

    @Test
    void createSendsWorkflowDataAndReleaseWithTheHeadersCargoExpects() throws Exception {
        CargoRun run = client.createRun(
                new CreateRunRequest(WORKFLOW, JsonData.of("{\"domain\":\"acme.com\",\"n\":1.50}"), RELEASE));

        assertEquals(RunStatus.PENDING, run.status());
        assertEquals(WORKFLOW, run.workflowUuid());
        assertEquals(sim.runs().get(0).uuid(), run.uuid());
        SimRequest request = sim.requests(Endpoint.CREATE).get(0);
        assertEquals("POST", request.method());
        assertEquals("/v1/orchestration/runs", request.path());
        assertEquals("Bearer sim-token", request.header("authorization"));
        assertEquals("jenkins-plugin", request.header("x-cargo-origin"));
        assertEquals("1.2.3-test", request.header("x-cargo-origin-version"));
        assertTrue(request.header("content-type").startsWith("application/json"));
        JsonNode body = JSON.readTree(request.body());
        assertEquals(WORKFLOW, body.get("workflowUuid").asText());
        assertEquals(RELEASE, body.get("releaseUuid").asText());
        assertTrue(request.body().contains("\"data\":{\"domain\":\"acme.com\",\"n\":1.50}"),
                "data goes out exactly as given: " + request.body());
    }

    @Test
    void createLeavesReleaseOutWhenNotPinned() throws Exception {
        create();
        assertFalse(JSON.readTree(sim.requests(Endpoint.CREATE).get(0).body()).has("releaseUuid"));
    }

    @Test
    void getReadsStatusExecutionsOutputAndTimes() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("error",
                        new SimExecution("start", "Start", "success", 0, null),
                        new SimExecution("enrich", "Enrich company", "error", 0.25, "Provider said 429"),
                        new SimExecution("score", "Score", "success", 0.1, null))
                .errorMessage("Node enrich failed")
                .output(Map.of("end", Map.of("score", 42, "tags", List.of("b2b"))))
                .build());
        CargoRun created = create();

        CargoRun run = client.getRun(created.uuid());

        assertEquals(RunStatus.ERROR, run.status());
        assertEquals("Node enrich failed", run.errorMessage());
        assertEquals(3, run.executions().size());
        CargoExecution failed = run.firstFailedExecution().orElseThrow();
        assertEquals("enrich", failed.nodeSlug());
        assertEquals("Enrich company", failed.title());
        assertEquals("Provider said 429", failed.errorMessage());
        assertEquals(0, new BigDecimal("0.35").compareTo(run.creditsUsed()));
        assertEquals(Map.of("score", 42, "tags", List.of("b2b")), run.output().get("end"));
        assertNotNull(run.createdAt());
        assertNotNull(run.finishedAt());
        assertThrows(UnsupportedOperationException.class, () -> run.output().put("x", 1));
        assertEquals("/v1/orchestration/runs/" + created.uuid(), sim.requests(Endpoint.GET).get(0).path());
    }

    @Test
    void aReadOfAnUnfinishedRunKeepsNoOutputAndTheLastReadBringsIt() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("running", new SimExecution("start", "Start", "success", 0, null))
                .step("success", new SimExecution("start", "Start", "success", 0, null))
                .output(Map.of("end", Map.of("score", 42)))
                .build());
        String uuid = create().uuid();

        CargoRun running = client.getRun(uuid);
        CargoRun finished = client.getRun(uuid);

        assertEquals(RunStatus.RUNNING, running.status());
        assertTrue(running.output().isEmpty(), "a waiting run holds no output between polls");
        assertEquals(1, running.executions().size());
        assertEquals(Map.of("score", 42), finished.output().get("end"));
    }

    @Test
    void theFieldsOfAGetRunAnswerMayComeInAnyOrder() throws Exception {
        String uuid = create().uuid();
        String run = "{\"uuid\":\"" + uuid + "\",\"status\":\"success\",\"executions\":[]}";
        sim.enqueue(Endpoint.GET, Fault.status(200, "{\"runContext\":{\"end\":{\"ok\":true}},"
                + "\"runComputedConfigs\":{\"end\":{\"big\":[1,2,3]}},\"run\":" + run + "}"));
        CargoRun read = client.getRun(uuid);
        assertEquals(Map.of("ok", true), read.output().get("end"));
    }

    @Test
    void retriesAreTimedByTheSchedulerAndNoThreadWaitsForThem() throws Exception {
        List<Runnable> timers = new CopyOnWriteArrayList<>();
        List<Duration> delays = new CopyOnWriteArrayList<>();
        CargoClient async = TestClient.builder(CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken)
                .scheduler((task, delay) -> {
                    timers.add(task);
                    delays.add(delay);
                    return () -> timers.remove(task);
                })
                .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(1))
                        .withRandom(() -> 0.0))
                .build().async;
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.serverError(503));

        var read = async.getRun(uuid);
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (timers.isEmpty() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }

        assertEquals(List.of(Duration.ofMillis(2500)), delays, "the retry is handed to the scheduler");
        assertFalse(read.isDone(), "and waits for it, holding no thread");
        timers.remove(0).run();
        assertEquals(uuid, TestClient.await(read).uuid());
    }

    @Test
    void aTokenSourceThatBreaksOnARetryStillEndsTheCall() throws Exception {
        String uuid = create().uuid();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        CargoClient async = TestClient.builder(CargoApiUrl.parse(sim.baseUrl()), () -> {
                    if (asked.incrementAndGet() > 1) {
                        throw new IllegalStateException("credential store unavailable");
                    }
                    return sim.acceptedToken();
                })
                .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .build().async;
        sim.enqueue(Endpoint.GET, Fault.serverError(503));

        var read = async.getRun(uuid);

        CargoException e = assertThrows(CargoException.class, () -> TestClient.await(read));
        assertTrue(e.getMessage().contains("credential store unavailable"), e.getMessage());
    }

    @Test
    void cancellingAReadCallsOffItsExchangeAndAnyRetry() throws Exception {
        CargoHttp http = CargoHttp.builder(scheduler).build();
        CargoClient async = CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.delay(Duration.ofSeconds(20)));

        var read = async.getRun(uuid);
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (http.requestsInFlight() == 0 && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
        read.cancel(true);
        while (http.requestsInFlight() > 0 && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }

        assertTrue(read.isCancelled());
        assertEquals(0, http.requestsInFlight(), "the exchange was called off, not left to run out");
    }

    @Test
    void requestsInFlightAreBoundedAndTheRestWaitTheirTurn() throws Exception {
        CargoHttp http = CargoHttp.builder(scheduler).maxRequestsPerHost(2).build();
        CargoClient async = CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
        String uuid = create().uuid();
        for (int i = 0; i < 6; i++) {
            sim.enqueue(Endpoint.GET, Fault.delay(Duration.ofMillis(200)));
        }

        List<java.util.concurrent.CompletableFuture<CargoRun>> reads = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reads.add(async.getRun(uuid));
        }
        int mostInFlight = 0;
        int mostQueued = 0;
        while (!reads.stream().allMatch(java.util.concurrent.CompletableFuture::isDone)) {
            mostInFlight = Math.max(mostInFlight, http.requestsInFlight());
            mostQueued = Math.max(mostQueued, http.requestsQueued());
            Thread.onSpinWait();
        }

        for (var read : reads) {
            assertEquals(uuid, TestClient.await(read).uuid());
        }
        assertTrue(mostInFlight <= 2, "in flight at once: " + mostInFlight);
        assertTrue(mostQueued >= 1, "the others waited in the dispatcher's queue");
    }

    @Test
    void clientsOfOneTransportShareItsHttpClient() throws Exception {
        CargoHttp http = CargoHttp.builder(scheduler).build();
        CargoClient one = CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
        CargoClient other = one.withListener(ClientListener.NONE).withRetryPolicy(RetryPolicy.none());
        for (java.lang.reflect.Field field : CargoClient.class.getDeclaredFields()) {
            assertFalse(okhttp3.OkHttpClient.class.isAssignableFrom(field.getType()),
                    "a client holds no OkHttp client of its own: " + field);
        }
        String uuid = TestClient.await(one.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of()), null))).uuid();
        assertEquals(uuid, TestClient.await(other.getRun(uuid)).uuid());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "idle,       false, false",
        "pending,    false, false",
        "running,    false, false",
        "success,    true,  true",
        "error,      true,  false",
        "cancelling, false, false",
        "cancelled,  true,  false",
        "skipped,    true,  false",
        "paused,     false, false"
    })
    void everyStatusCargoSendsIsReadAndClassified(String value, boolean terminal, boolean success) throws Exception {
        sim.script(WORKFLOW, RunScript.of(value));
        CargoRun run = client.getRun(create().uuid());
        assertEquals(value, run.status().value());
        assertEquals(terminal, run.isTerminal());
        assertEquals(success, run.status().isSuccess());
    }

    @Test
    void anUnknownStatusInTheAnswerIsKept() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.unknownStatus("hibernating"));
        CargoRun run = client.getRun(uuid);
        assertEquals("hibernating", run.status().value());
        assertFalse(run.status().isKnown());
        assertFalse(run.isTerminal());
    }

    @Test
    void cancelNamesTheRunAndNeverUsesAFilter() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        String uuid = create().uuid();

        client.cancelRun(WORKFLOW, uuid);

        JsonNode body = JSON.readTree(sim.requests(Endpoint.CANCEL).get(0).body());
        assertEquals(WORKFLOW, body.get("workflowUuid").asText());
        assertEquals(1, body.get("uuids").size());
        assertEquals(uuid, body.get("uuids").get(0).asText());
        assertEquals(2, body.size(), "only workflowUuid and uuids: " + body);
        assertEquals(RunStatus.CANCELLING, client.getRun(uuid).status());
        assertEquals(RunStatus.CANCELLED, client.getRun(uuid).status());
    }

    @Test
    void cancelIsRetriedWhenCargoIsBriefllyUnavailable() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.CANCEL, Fault.serverError(503));
        client.cancelRun(WORKFLOW, uuid);
        assertEquals(2, sim.requests(Endpoint.CANCEL).size());
        assertEquals(1, sim.run(uuid).cancelRequests());
    }

    @Test
    void listReturnsTheWorkflowsRunsCreatedAfterAMoment() throws Exception {
        String first = create().uuid();
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        String second = create().uuid();
        client.createRun(new CreateRunRequest(
                "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", JsonData.of(Map.of()), null));

        RunPage all = client.listRuns(WORKFLOW, null, 10);
        RunPage recent = client.listRuns(WORKFLOW, between, 10);

        assertEquals(List.of(second, first), all.runs().stream().map(CargoRun::uuid).toList());
        assertEquals(2, all.count());
        assertEquals(List.of(second), recent.runs().stream().map(CargoRun::uuid).toList());
        assertEquals(between.toString(), JSON.readTree(sim.requests(Endpoint.LIST).get(1).body()).get("createdAfter").asText());
    }

    // --- create-run reasons ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "workflowNotFound            | 404 | must be the workflowUuid of a tool",
        "invalidReleaseOrCustomNodes | 400 | Deploy the tool in Cargo, or pin a release of it with releaseUuid",
        "playNotCompatible           | 400 | Use the workflowUuid of a tool",
        "nodesNotFound               | 400 | deploy it in Cargo",
        "invalidData                 | 400 | keys are the tool's form field slugs",
        "rootNodeNotFound            | 400 | has no start node",
        "failedToStart               | 500 | usually temporary",
        "notEnoughCredits            | 402 | Add credits to the workspace",
        "concurrencyLimitReached     | 429 | start fewer Cargo runs in parallel"
    })
    void everyCreateReasonNamesTheFixAndIsNotRetried(String reason, int status, String fix) throws Exception {
        sim.rejectCreates(WORKFLOW, status, reason, "Cargo text for " + reason);

        CargoException e = assertThrows(CargoException.class, this::create);

        assertEquals(reason, e.reason());
        assertEquals(status, e.httpStatus());
        assertTrue(e.getMessage().contains(fix), e.getMessage());
        assertTrue(e.getMessage().contains("Cargo said: \"Cargo text for " + reason + "\""), e.getMessage());
        assertInstanceOf(CargoRejectedException.class, e, "a refusal with a reason is final");
        assertEquals(1, sim.requests(Endpoint.CREATE).size(), "never sent twice");
        assertEquals(0, sim.runs().size());
        assertTrue(sim.requests(Endpoint.LIST).isEmpty(), "Cargo answered, so there is nothing to look up");
    }

    @Test
    void aRefusedPinnedReleaseIsNamed() {
        sim.rejectCreates(WORKFLOW, 400, "invalidReleaseOrCustomNodes", null);
        CargoRejectedException e = assertThrows(CargoRejectedException.class, () -> client.createRun(
                new CreateRunRequest(WORKFLOW, JsonData.of(Map.of()), RELEASE)));
        assertTrue(e.getMessage().startsWith("Cargo refused releaseUuid " + RELEASE + " for workflow " + WORKFLOW),
                e.getMessage());
        assertTrue(e.getMessage().contains("leave releaseUuid out to run the deployed release"), e.getMessage());
    }

    @Test
    void anUnknownReasonIsStillReportedWithCargosText() {
        sim.rejectCreates(WORKFLOW, 400, "somethingNew", "New rule");
        CargoRejectedException e = assertThrows(CargoRejectedException.class, this::create);
        assertTrue(e.getMessage().contains("reason 'somethingNew'"), e.getMessage());
        assertTrue(e.getMessage().contains("New rule"), e.getMessage());
    }

    // --- faults on reads ------------------------------------------------------------------------

    @Test
    void rateLimitWithoutRetryAfterBacksOffAndTriesAgain() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.tooManyRequests());
        assertEquals(uuid, client.getRun(uuid).uuid());
        assertEquals(2, sim.requests(Endpoint.GET).size());
        assertEquals(1, scheduler.waits.size());
        Duration wait = scheduler.waits.get(0);
        assertTrue(wait.compareTo(Duration.ofMillis(500)) >= 0 && wait.compareTo(Duration.ofSeconds(1)) < 0, wait.toString());
        assertEquals(List.of("retry 1: reading run " + uuid), heard);
    }

    @Test
    void retryAfterInSecondsIsHonoured() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.tooManyRequests("7"));
        client.getRun(uuid);
        assertEquals(List.of(Duration.ofSeconds(7)), scheduler.waits);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        client = clientFor(sim.baseUrl(), Clock.fixed(now, ZoneOffset.UTC));
        String uuid = create().uuid();
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(8), ZoneOffset.UTC));
        sim.enqueue(Endpoint.GET, Fault.tooManyRequests(date));
        client.getRun(uuid);
        assertEquals(List.of(Duration.ofSeconds(8)), scheduler.waits);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitIsCheckedAgainAfterTheLongestWait() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.tooManyRequests("3600"));
        assertEquals(uuid, client.getRun(uuid).uuid());
        assertEquals(List.of(Duration.ofSeconds(10)), scheduler.waits, "the policy's longest wait");
    }

    @Test
    void aRetryAfterOfZeroOrInThePastStillWaitsTheFirstDelay() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.tooManyRequests("0"));
        sim.enqueue(Endpoint.GET, Fault.tooManyRequests("Thu, 01 Jan 2015 00:00:00 GMT"));
        client.getRun(uuid);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), scheduler.waits);
    }

    @Test
    void aRateLimitThatOutlastsTheBudgetEndsTheCallWithCargosRequest() throws Exception {
        String uuid = create().uuid();
        for (int i = 0; i < 4; i++) {
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests("3600"));
        }
        CargoTransientException e = assertThrows(CargoTransientException.class, () -> client.getRun(uuid));
        assertEquals(429, e.httpStatus());
        assertEquals(Duration.ofHours(1), e.retryAfter());
        assertTrue(e.getMessage().contains("asked to wait 3600 s"), e.getMessage());
    }

    @Test
    void retryAfterOnAServiceUnavailableIsHonoured() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.serviceUnavailable("6"));
        client.getRun(uuid);
        assertEquals(List.of(Duration.ofSeconds(6)), scheduler.waits);
    }

    @Test
    void anEmptyAnswerToACancelIsAccepted() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.CANCEL, Fault.emptyBody(200));
        client.cancelRun(WORKFLOW, uuid);
        assertEquals(1, sim.requests(Endpoint.CANCEL).size());
    }

    @Test
    void cancellingAVanishedRunSaysSo() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.CANCEL, Fault.notFound());
        CargoNotFoundException e = assertThrows(CargoNotFoundException.class, () -> client.cancelRun(WORKFLOW, uuid));
        assertTrue(e.getMessage().startsWith("Cargo has no run " + uuid + " (HTTP 404)"), e.getMessage());
    }

    @Test
    void aGatewayPageAnsweringACreateIsNotQuoted() {
        sim.enqueue(Endpoint.CREATE, Fault.status(400, "<html>blocked: {\"customer\":\"Initech\"}</html>"));
        CargoRejectedException e = assertThrows(CargoRejectedException.class, this::create);
        assertFalse(e.getMessage().contains("Initech"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetried(int status) throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.serverError(status));
        sim.enqueue(Endpoint.GET, Fault.serverError(status));
        assertEquals(uuid, client.getRun(uuid).uuid());
        assertEquals(3, sim.requests(Endpoint.GET).size());
        assertEquals(2, scheduler.waits.size());
        assertTrue(scheduler.waits.get(1).compareTo(Duration.ofSeconds(1)) >= 0, "grows: " + scheduler.waits);
    }

    @Test
    void retriesStopAfterTheLastAttemptWithTheLastFailure() throws Exception {
        String uuid = create().uuid();
        for (int i = 0; i < 4; i++) {
            sim.enqueue(Endpoint.GET, Fault.nonJson(502));
        }
        CargoTransientException e = assertThrows(CargoTransientException.class, () -> client.getRun(uuid));
        assertEquals(502, e.httpStatus());
        assertTrue(e.getMessage().contains("Cargo answered HTTP 502 while reading run " + uuid), e.getMessage());
        assertTrue(e.getMessage().contains("proxy or gateway"), e.getMessage());
        assertTrue(e.getMessage().contains("It begins: \"<html><body>upstream error"), e.getMessage());
        assertEquals(4, sim.requests(Endpoint.GET).size());
        assertEquals(3, scheduler.waits.size());
    }

    @Test
    void aResetConnectionIsRetried() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.resetConnection());
        assertEquals(uuid, client.getRun(uuid).uuid());
        // OkHttp itself repeats a read on a fresh connection; either way the read is sent again and succeeds.
        assertEquals(2, sim.requests(Endpoint.GET).size());
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsRetried() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.delay(Duration.ofSeconds(2)));
        assertEquals(uuid, client.getRun(uuid).uuid());
        assertEquals(1, scheduler.waits.size());
        assertTrue(heard.get(0).startsWith("retry 1"), heard.toString());
    }

    @Test
    void aCutOffBodyIsRetried() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.truncatedBody());
        assertEquals(uuid, client.getRun(uuid).uuid());
        assertEquals(2, sim.requests(Endpoint.GET).size());
        assertEquals(List.of("retry 1: reading run " + uuid), heard);
    }

    @Test
    void aCutOffBodySaysSo() throws Exception {
        String uuid = create().uuid();
        for (int i = 0; i < 4; i++) {
            sim.enqueue(Endpoint.GET, Fault.truncatedBody());
        }
        CargoTransientException e = assertThrows(CargoTransientException.class, () -> client.getRun(uuid));
        assertTrue(e.getMessage().startsWith("Cargo's answer to reading run " + uuid + " (HTTP 200) was cut off"), e.getMessage());
        assertEquals(200, e.httpStatus());
    }

    @Test
    void aRunCreatedBeforeTheAllowedClockSkewIsNotMistakenForTheLostOne() throws Exception {
        create();
        Thread.sleep(50);
        client = TestClient.builder(CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken)
                .scheduler(scheduler)
                .clockSkew(Duration.ZERO)
                .build();
        sim.enqueue(Endpoint.CREATE, Fault.processThenDropResponse());
        CargoRun run = create();
        assertEquals(sim.runs().get(1).uuid(), run.uuid());
        assertEquals(2, sim.requests(Endpoint.CREATE).size(), "one per create call");
    }

    @Test
    void anEmptyBodyIsAClearErrorNotAParserTrace() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.emptyBody(200));
        CargoBadResponseException e = assertThrows(CargoBadResponseException.class, () -> client.getRun(uuid));
        assertEquals("Cargo answered reading run " + uuid + " with HTTP 200 and an empty body, where a JSON object was expected.",
                e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void aNonJsonBodyIsAClearError() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.nonJson(200));
        CargoBadResponseException e = assertThrows(CargoBadResponseException.class, () -> client.getRun(uuid));
        assertTrue(e.getMessage().contains("not valid JSON (content type text/html"), e.getMessage());
        assertTrue(e.getMessage().contains("proxy or gateway"), e.getMessage());
        assertEquals(1, sim.requests(Endpoint.GET).size());
    }

    @Test
    void aHugeBodyIsRefusedWithoutReadingItAll() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.hugeBody(9L * 1024 * 1024));
        CargoBadResponseException e = assertThrows(CargoBadResponseException.class, () -> client.getRun(uuid));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 8 MiB"), e.getMessage());
    }

    @Test
    void aVanishedRunIsNotFoundAndNotRetried() throws Exception {
        String uuid = create().uuid();
        sim.deleteRun(uuid);
        CargoNotFoundException e = assertThrows(CargoNotFoundException.class, () -> client.getRun(uuid));
        assertTrue(e.getMessage().startsWith("Cargo has no run " + uuid + " (HTTP 404)"), e.getMessage());
        assertEquals(1, sim.requests(Endpoint.GET).size());
    }

    @Test
    void aRefusedTokenIsFinal() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.unauthorized());
        CargoAuthenticationException e = assertThrows(CargoAuthenticationException.class, () -> client.getRun(uuid));
        assertEquals(401, e.httpStatus());
        assertTrue(e.getMessage().contains("Check that the Jenkins credential holds a current Cargo API token"), e.getMessage());
        assertEquals(1, sim.requests(Endpoint.GET).size());
    }

    @Test
    void missingRightsAreFinal() throws Exception {
        String uuid = create().uuid();
        sim.enqueue(Endpoint.GET, Fault.forbidden());
        CargoAuthenticationException e = assertThrows(CargoAuthenticationException.class, () -> client.getRun(uuid));
        assertEquals(403, e.httpStatus());
        assertTrue(e.getMessage().contains("lacks the rights"), e.getMessage());
        assertEquals(1, sim.requests(Endpoint.GET).size());
    }

    @Test
    void aWrongTokenIsRefusedByCargo() throws Exception {
        client = TestClient.builder(CargoApiUrl.parse(sim.baseUrl()), () -> "not-the-token").build();
        CargoAuthenticationException e = assertThrows(CargoAuthenticationException.class, this::create);
        assertEquals(401, e.httpStatus());
        assertEquals(0, sim.runs().size());
    }

    @Test
    void anEmptyTokenIsRefusedBeforeAnythingIsSent() {
        client = TestClient.builder(CargoApiUrl.parse(sim.baseUrl()), () -> " ").build();
        CargoException e = assertThrows(CargoException.class, this::create);
        assertTrue(e.getMessage().startsWith("The Cargo API token is empty"), e.getMessage());
        assertTrue(sim.requests().isEmpty());
    }

    // --- a create whose answer is lost ------------------------------------------------------------

    @Test
    void aCreateWhoseAnswerWasDroppedIsFoundInsteadOfSentAgain() throws Exception {
        sim.enqueue(Endpoint.CREATE, Fault.processThenDropResponse());
        Instant before = Instant.now();

        CargoRun run = create();
        Instant after = Instant.now();

        assertEquals(1, sim.requests(Endpoint.CREATE).size(), "the create was sent once");
        assertEquals(1, sim.runs().size(), "and made one run");
        assertEquals(sim.runs().get(0).uuid(), run.uuid());
        assertEquals(List.of("found " + run.uuid()), heard);
        JsonNode list = JSON.readTree(sim.requests(Endpoint.LIST).get(0).body());
        assertEquals(WORKFLOW, list.get("workflowUuid").asText());
        // The window: from the attempt's start to the moment the answer was lost, each widened by 5 s of skew.
        Instant since = Instant.parse(list.get("createdAfter").asText());
        Instant until = Instant.parse(list.get("createdBefore").asText());
        assertTrue(!since.isBefore(before.minusSeconds(5).minusMillis(1)) && !since.isAfter(before.minusSeconds(5).plusSeconds(1)),
                since + " vs attempt start " + before);
        assertTrue(!until.isBefore(before.plusSeconds(5)) && !until.isAfter(after.plusSeconds(5)), until + " vs " + after);
        assertEquals(10, list.get("limit").asInt());
        assertEquals(0, list.get("offset").asInt());
    }

    @Test
    void aRestartLongAfterAnUnansweredCreateDoesNotAdoptALaterRun() throws Exception {
        Instant attempt = Instant.now().minus(Duration.ofMinutes(10));
        // Another build starts the same workflow long after this build's create went unanswered.
        create();

        CargoOutcomeUnknownException e = assertThrows(CargoOutcomeUnknownException.class,
                () -> client.findCreatedRun(WORKFLOW, null, attempt, "Jenkins restarted"));

        assertTrue(e.getMessage().contains("no run of the workflow was created in that time"), e.getMessage());
        JsonNode list = JSON.readTree(sim.requests(Endpoint.LIST).get(0).body());
        // Up to the latest the create could have reached Cargo: attempts that sent nothing are repeated within
        // the retry budget (1 min here), and the last may take the call timeout (5 s), plus 5 s of skew.
        assertEquals(attempt.plusSeconds(70).toString(), list.get("createdBefore").asText());
        assertEquals(attempt.minusSeconds(5).toString(), list.get("createdAfter").asText());
    }

    @Test
    void aCreateWhoseAnswerTimedOutIsFoundInsteadOfSentAgain() throws Exception {
        sim.enqueue(Endpoint.CREATE, Fault.processThenStall(Duration.ofSeconds(3)));
        CargoRun run = create();
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
        assertEquals(1, sim.runs().size());
        assertEquals(sim.runs().get(0).uuid(), run.uuid());
    }

    @Test
    void aSentCreateThatMadeNoRunEndsAsOutcomeUnknown() {
        sim.enqueue(Endpoint.CREATE, Fault.resetConnection());
        CargoOutcomeUnknownException e = assertThrows(CargoOutcomeUnknownException.class, this::create);
        assertTrue(e.getMessage().contains("no run of the workflow was created in that time"), e.getMessage());
        assertTrue(e.getMessage().contains("before you run the build again"), e.getMessage());
        assertEquals(1, sim.requests(Endpoint.CREATE).size(), "never re-sent");
        assertEquals(0, sim.runs().size());
    }

    @Test
    void aGatewayErrorOnCreateIsNotRepeated() {
        sim.enqueue(Endpoint.CREATE, Fault.serverError(504));
        assertThrows(CargoOutcomeUnknownException.class, this::create);
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
    }

    @Test
    void aLostCreateAmongOtherBuildsRunsCannotBeToldApart() throws Exception {
        String other = create().uuid();
        sim.enqueue(Endpoint.CREATE, Fault.processThenDropResponse());
        CargoOutcomeUnknownException e = assertThrows(CargoOutcomeUnknownException.class, this::create);
        assertTrue(e.getMessage().contains("2 runs of the workflow were created in that time"), e.getMessage());
        assertTrue(e.getMessage().contains(other), e.getMessage());
        assertEquals(2, sim.requests(Endpoint.CREATE).size(), "one per create call, none repeated");
    }

    @Test
    void aRateLimitedCreateIsReportedNotRepeated() {
        sim.enqueue(Endpoint.CREATE, Fault.tooManyRequests("1"));
        CargoTransientException e = assertThrows(CargoTransientException.class, this::create);
        assertEquals(429, e.httpStatus());
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
        assertTrue(scheduler.waits.isEmpty());
    }

    @Test
    void aCreateThatCouldNotConnectIsTriedAgainBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client = clientFor("http://127.0.0.1:" + closedPort, Clock.systemUTC());

        CargoTransientException e = assertThrows(CargoTransientException.class, this::create);

        assertFalse(e.requestMayHaveArrived());
        assertTrue(e.getMessage().contains("no connection could be made"), e.getMessage());
        assertTrue(e.getMessage().contains("Check the Cargo API URL and the Jenkins proxy settings"), e.getMessage());
        assertEquals(3, scheduler.waits.size(), "4 attempts in all");
        assertInstanceOf(java.net.ConnectException.class, e.getCause());
    }
}
