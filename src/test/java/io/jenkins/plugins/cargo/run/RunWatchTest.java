package io.jenkins.plugins.cargo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoAuthenticationException;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoNotFoundException;
import io.jenkins.plugins.cargo.api.CargoOutcomeUnknownException;
import io.jenkins.plugins.cargo.api.CargoRejectedException;
import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.JsonData;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.Fault;
import io.jenkins.plugins.cargo.simulator.RunScript;
import io.jenkins.plugins.cargo.simulator.SimExecution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunWatchTest {
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";
    private static final String TOKEN = "crg_live_Zq81LmW3xV0pK5tY";
    private static final String SECRET_INPUT = "Globex-confidential-input";

    private CargoSimulator sim;
    private VirtualTime time;
    private CargoClient client;
    private RecordingEvents events;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.start();
        sim.acceptToken(TOKEN);
        time = new VirtualTime();
        client = CargoClient.builder(CargoApiUrl.parse(sim.baseUrl()), () -> TOKEN)
                .sleeper(duration -> {})
                .readTimeout(Duration.ofMillis(400))
                .build();
        events = new RecordingEvents();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RunWatcher watcher() {
        return new RunWatcher(client, time, time.clock(), () -> 0.5);
    }

    private RunOptions.Builder options() {
        return RunOptions.builder(WORKFLOW, Map.of("customer", SECRET_INPUT));
    }

    private RunWatch start(RunOptions.Builder options) {
        return watcher().start(options.build(), events);
    }

    private RunOutcome finish(RunWatch watch) throws Exception {
        time.runUntilDone(watch.outcome(), Duration.ofHours(3));
        return watch.outcome().get();
    }

    private Throwable failure(RunWatch watch) {
        time.runUntilDone(watch.outcome(), Duration.ofHours(3));
        return assertThrows(ExecutionException.class, () -> watch.outcome().get()).getCause();
    }

    private static SimExecution exec(String slug, String title, String status, double credits, String error) {
        return new SimExecution(slug, title, status, credits, error);
    }

    /** What Jenkins does with a persisted state: write it out and read it back. */
    private static WatchState throughSerialization(WatchState state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (WatchState) in.readObject();
        }
    }

    // --- outcomes ----------------------------------------------------------------------------------

    @Test
    void aSuccessfulRunIsFollowedWithOneReadPerPoll() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("pending")
                .step("running", exec("start", "Start", "success", 0, null))
                .step("running", exec("start", "Start", "success", 0, null), exec("enrich", "Enrich company", "pending", 0, null))
                .step("success", exec("start", "Start", "success", 0, null),
                        exec("enrich", "Enrich company", "success", 0.25, null), exec("end", "End", "success", 0, null))
                .output(Map.of("end", Map.of("score", 42)))
                .build());

        RunOutcome outcome = finish(start(options()));

        String uuid = sim.runs().get(0).uuid();
        assertEquals(uuid, outcome.runUuid());
        assertEquals("success", outcome.status());
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(EndReason.FINISHED, outcome.endReason());
        assertEquals(Map.of("score", 42), outcome.output().get("end"));
        assertEquals(4, sim.requests(Endpoint.GET).size(), "one read per poll until the end, no more");
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
        assertTrue(events.lines.get(1).startsWith("Cargo run " + uuid + " created for workflow " + WORKFLOW), events.log());
        assertEquals(1, events.count("is running"), events.log());
        assertEquals(1, events.count("[success] start (Start)"), events.log());
        assertEquals(1, events.count("[success] enrich (Enrich company), 0.25 credits"), events.log());
        assertTrue(events.log().contains("Cargo run " + uuid + " finished: success"), events.log());
        assertTrue(events.log().contains("3 executions, 0.25 credits"), events.log());
        assertTrue(events.log().endsWith("Build result from Cargo run: SUCCESS."), events.log());
    }

    @Test
    void anErrorReportsTheFailingNodeAndFailsTheBuild() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("running")
                .step("error", exec("start", "Start", "success", 0, null),
                        exec("enrich", "Enrich company", "error", 0.5, "Provider said 429"))
                .errorMessage("Node enrich failed")
                .build());

        RunOutcome outcome = finish(start(options()));

        assertEquals(BuildResult.FAILURE, outcome.result());
        assertEquals("enrich", outcome.failedNodeSlug());
        assertEquals("Provider said 429", outcome.failedNodeError());
        assertTrue(events.log().contains("Cargo says: Node enrich failed"), events.log());
        assertTrue(events.log().contains("Failing node: enrich (Enrich company): Provider said 429"), events.log());
        assertTrue(events.log().contains("[error] enrich (Enrich company), 0.5 credits: Provider said 429"), events.log());
        assertTrue(events.log().endsWith("Build result from Cargo run: FAILURE."), events.log());
    }

    @Test
    void aCancelledRunAbortsTheBuildByDefaultOrFailsItIfSoConfigured() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running", "cancelled"));
        assertEquals(BuildResult.ABORTED, finish(start(options())).result());
        assertEquals(BuildResult.FAILURE, finish(start(options().resultOnCancelled(BuildResult.FAILURE))).result());
    }

    @Test
    void aSkippedRunMakesTheBuildUnstableByDefault() throws Exception {
        sim.script(WORKFLOW, RunScript.of("pending", "skipped"));
        RunOutcome outcome = finish(start(options()));
        assertEquals("skipped", outcome.status());
        assertEquals(BuildResult.UNSTABLE, outcome.result());
    }

    @Test
    void anExecutionErrorInASuccessfulRunFailsTheBuildOnlyWhenAskedTo() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("success", exec("lookup", "Lookup", "error", 0, "fell back"), exec("end", "End", "success", 0, null))
                .build());
        assertEquals(BuildResult.SUCCESS, finish(start(options())).result());
        assertEquals(BuildResult.FAILURE, finish(start(options().failOnExecutionError(true))).result());
    }

    @Test
    void anUnknownStatusIsWaitedOnUntilTheTimeout() throws Exception {
        sim.script(WORKFLOW, RunScript.of("pending", "hibernating"));
        RunOutcome outcome = finish(start(options().timeoutMinutes(5).cancelOnTimeout(false)));
        assertEquals("hibernating", outcome.status());
        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(BuildResult.FAILURE, outcome.result());
        assertEquals(1, events.count("hibernating (a status this plugin does not know; still waiting)"), events.log());
        assertTrue(sim.requests(Endpoint.CANCEL).isEmpty());
    }

    // --- timeout and abort -------------------------------------------------------------------------

    @Test
    void aTimeoutCancelsTheRunAndFailsTheBuild() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch watch = start(options().timeoutMinutes(10));

        RunOutcome outcome = finish(watch);

        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(BuildResult.FAILURE, outcome.result());
        assertEquals("cancelled", outcome.status(), "followed until Cargo confirmed the cancel");
        assertEquals(1, sim.requests(Endpoint.CANCEL).size());
        assertTrue(events.log().contains("did not finish within 10 min (timeoutMinutes); cancelling it."), events.log());
        assertTrue(events.log().contains("did not finish in time; last status cancelled"), events.log());
    }

    @Test
    void aTimeoutWithoutCancelLeavesTheRunGoing() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        var started = time.now();

        RunOutcome outcome = finish(start(options().timeoutMinutes(10).cancelOnTimeout(false)));

        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals("running", outcome.status());
        assertTrue(sim.requests(Endpoint.CANCEL).isEmpty());
        assertEquals(Duration.ofMinutes(10), Duration.between(started, time.now()), "ends at the deadline, not later");
        assertTrue(events.log().contains("the run is left running, as cancelOnTimeout is off"), events.log());
    }

    @Test
    void abortSendsOneCancelAndEndsAborted() throws Exception {
        sim.script(WORKFLOW, RunScript.builder().step("running").step("running").cancelPolls(2).build());
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(12));
        assertFalse(watch.outcome().isDone());

        watch.abort();
        watch.abort();
        assertTrue(watch.describe().endsWith("(cancelling)"), watch.describe());
        RunOutcome outcome = finish(watch);
        watch.abort();

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals("cancelled", outcome.status());
        assertEquals(1, sim.requests(Endpoint.CANCEL).size(), "cancel sent once");
        assertEquals(1, events.count("The build was aborted; cancelling Cargo run"), events.log());
        assertEquals(1, events.count("Asked Cargo to cancel run"), events.log());
    }

    @Test
    void aRunThatIgnoresTheCancelIsLeftAfterTheGracePeriod() throws Exception {
        sim.script(WORKFLOW, RunScript.builder().step("running").cancelPolls(1000).build());
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        watch.abort();
        RunOutcome outcome = finish(watch);
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals("cancelling", outcome.status());
        assertTrue(events.log().contains("did not reach cancelled within 1 min of the cancel request"), events.log());
    }

    @Test
    void abortBeforeTheCreateWasSentCreatesNothing() {
        RunWatch watch = start(options());
        watch.abort();
        time.advance(Duration.ofMinutes(1));
        assertTrue(watch.outcome().isCompletedExceptionally());
        assertThrows(CancellationException.class, () -> watch.outcome().get());
        assertTrue(sim.requests().isEmpty());
    }

    @Test
    void abortWhileTheCreateIsUnderWayCancelsTheRunOnceItExists() throws Exception {
        RunOutcome outcome = abortWhileCreating(options());

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(1, sim.run(outcome.runUuid()).cancelRequests());
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
        assertEquals(1, events.count("The build was aborted; cancelling the Cargo run once it is created."), events.log());
    }

    @Test
    void abortWhileTheCreateIsUnderWayWithoutWaitingStillCancelsTheRun() throws Exception {
        RunOutcome outcome = abortWhileCreating(options().waitForRun(false));

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, sim.run(outcome.runUuid()).cancelRequests());
    }

    /** Aborts from this thread while another one is inside the create request, then follows to the end. */
    private RunOutcome abortWhileCreating(RunOptions.Builder options) throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        sim.enqueue(Endpoint.CREATE, Fault.delay(Duration.ofMillis(300)));
        RunWatch watch = start(options);
        Thread creating = new Thread(() -> time.advance(Duration.ZERO));
        creating.start();
        awaitRequest(Endpoint.CREATE);
        watch.abort();
        creating.join();
        return finish(watch);
    }

    @Test
    void anAbortDuringAStepIsActedOnAtOnceNotAfterTheNextInterval() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        AtomicReference<RunWatch> watch = new AtomicReference<>();
        AtomicReference<Instant> abortedAt = new AtomicReference<>();
        AtomicInteger draws = new AtomicInteger();
        // The jitter is drawn inside a step, after it has looked at the run: the worst moment for an abort.
        RunWatcher watcher = new RunWatcher(client, time, time.clock(), () -> {
            if (draws.incrementAndGet() == 3) {
                abortedAt.set(time.now());
                watch.get().abort();
            }
            return 0.5;
        });
        watch.set(watcher.start(options().pollIntervalSeconds(60).build(), events));

        RunOutcome outcome = finish(watch.get());

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals("cancelled", outcome.status());
        assertTrue(Duration.between(abortedAt.get(), time.now()).compareTo(Duration.ofSeconds(5)) <= 0,
                "ended " + Duration.between(abortedAt.get(), time.now()) + " after the abort");
    }

    @Test
    void aStepThatCouldNotBeCalledOffDoesNotStartASecondChain() throws Exception {
        sim.script(WORKFLOW, RunScript.builder().step("running").cancelPolls(1000).build());
        // A scheduler whose tasks cannot be called off, like a task that has already begun to run.
        Scheduler leaky = (task, delay) -> {
            time.schedule(task, delay);
            return () -> {};
        };
        RunWatch watch = new RunWatcher(client, leaky, time.clock(), () -> 0.5).start(options().build(), events);
        time.advance(Duration.ofSeconds(7));
        int readsBeforeAbort = sim.requests(Endpoint.GET).size();

        watch.abort();
        watch.abort();
        RunOutcome outcome = finish(watch);
        time.advance(Duration.ofMinutes(5));

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, sim.requests(Endpoint.CANCEL).size());
        assertEquals(1, events.count("Build result from Cargo run"), events.log());
        // One read every 2 s from the abort to the end of the 60 s grace, 7 s to 67 s: a single chain.
        assertEquals(readsBeforeAbort + 31, sim.requests(Endpoint.GET).size());
    }

    @Test
    void anAbortWhileTheTimeoutCancelIsUnderWayEndsAborted() throws Exception {
        sim.script(WORKFLOW, RunScript.builder().step("running").cancelPolls(5).build());
        RunWatch watch = start(options().timeoutMinutes(1));
        time.advance(Duration.ofSeconds(62));
        assertEquals(WatchState.CancelReason.TIMEOUT, watch.state().cancelReason());

        watch.abort();
        RunOutcome outcome = finish(watch);

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, sim.requests(Endpoint.CANCEL).size(), "the timeout's cancel is not sent again");
    }

    @Test
    void aJoinedRunWhoseWorkflowIsNotKnownYetDoesNotLoopWhileReadsFail() {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch joined = watcher().join(createDirectly(), null, WaitPolicy.defaults(), events);
        for (int i = 0; i < 200; i++) {
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests("30"));
        }
        joined.abort();
        time.advance(Duration.ofSeconds(10));
        assertTrue(sim.requests(Endpoint.GET).size() <= 2, sim.requests(Endpoint.GET).size() + " reads in 10 s");
    }

    @Test
    void aPollIntervalLongerThanTheTimeoutStillEndsAtTheTimeout() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        var started = time.now();
        RunOutcome outcome = finish(start(options().timeoutMinutes(1).pollIntervalSeconds(600).cancelOnTimeout(false)));
        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(Duration.ofMinutes(1), Duration.between(started, time.now()));
    }

    @Test
    void aSchedulerThatRefusesEndsTheWaitOutsideTheWatchsLock() {
        sim.script(WORKFLOW, RunScript.of("running"));
        AtomicInteger calls = new AtomicInteger();
        // Takes the first step (the create), then refuses, as a pool that was shut down meanwhile.
        Scheduler shutDownAfterOne = (task, delay) -> {
            if (calls.incrementAndGet() > 1) {
                throw new RejectedExecutionException("shut down");
            }
            return time.schedule(task, delay);
        };
        RunWatch watch = new RunWatcher(client, shutDownAfterOne, time.clock(), () -> 0.5).start(options().build(), events);
        AtomicReference<Boolean> heldLock = new AtomicReference<>();
        watch.outcome().whenComplete((outcome, failure) -> heldLock.set(Thread.holdsLock(watch)));

        time.advance(Duration.ZERO);

        assertTrue(watch.outcome().isCompletedExceptionally());
        assertEquals(Boolean.FALSE, heldLock.get(), "callbacks must not run inside the watch's lock");
    }

    @Test
    void theOutcomeArrivesEvenWhenTheLogFails() throws Exception {
        sim.script(WORKFLOW, RunScript.of("success"));
        RecordingEvents failingLog = new RecordingEvents() {
            @Override
            public void log(String line) {
                if (line.startsWith("Build result")) {
                    throw new IllegalStateException("the build log is closed");
                }
                super.log(line);
            }
        };
        RunWatch watch = watcher().start(options().build(), failingLog);
        time.runUntilDone(watch.outcome(), Duration.ofMinutes(5));
        assertEquals(BuildResult.SUCCESS, watch.outcome().get().result());
    }

    @Test
    void aStateSavedWhileTheCancelIsOnItsWayDoesNotClaimItWasSent() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        sim.enqueue(Endpoint.CANCEL, Fault.delay(Duration.ofMillis(250)));
        watch.abort();
        Thread cancelling = new Thread(() -> time.advance(Duration.ZERO));
        cancelling.start();
        awaitRequest(Endpoint.CANCEL);
        WatchState during = watch.state();
        cancelling.join();

        assertFalse(during.cancelSent, "the request had not been answered");
        assertTrue(watch.state().cancelSent);
    }

    @Test
    void aCancelAskedForButNotSentBeforeARestartIsSentAfterIt() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        watch.abort();
        WatchState saved = throughSerialization(events.lastSaved());
        assertEquals(WatchState.CancelReason.ABORT, saved.cancelReason());
        assertTrue(sim.requests(Endpoint.CANCEL).isEmpty(), "Jenkins stops before the cancel goes out");

        time = new VirtualTime(time.now().plusSeconds(30));
        RunWatch resumed = new RunWatcher(client, time, time.clock(), () -> 0.5).resume(saved, new RecordingEvents());
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(BuildResult.ABORTED, resumed.outcome().get().result());
        assertEquals("cancelled", resumed.outcome().get().status());
        assertEquals(1, sim.requests(Endpoint.CANCEL).size());
    }

    @Test
    void anAbortDuringALongOutageEndsAbortedNotLost() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch watch = start(options().timeoutMinutes(0));
        time.advance(Duration.ofSeconds(6));
        for (int i = 0; i < 500; i++) {
            sim.enqueue(Endpoint.GET, Fault.serverError(503));
        }
        time.advance(Duration.ofMinutes(9));

        watch.abort();
        RunOutcome outcome = finish(watch);

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, sim.requests(Endpoint.CANCEL).size());
    }

    @Test
    void theGrownIntervalIsSavedForAResumedWait() {
        sim.script(WORKFLOW, RunScript.of("running"));
        start(options().timeoutMinutes(0));
        time.advance(Duration.ofMinutes(5));
        assertEquals(30_000, events.lastSaved().nextDelayMillis);
    }

    @Test
    void aResumedWaitKeepsItsDeadline() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        var started = time.now();
        start(options().timeoutMinutes(1).cancelOnTimeout(false));
        time.advance(Duration.ofSeconds(30));
        WatchState saved = throughSerialization(events.lastSaved());

        time = new VirtualTime(time.now());
        RunWatch resumed = new RunWatcher(client, time, time.clock(), () -> 0.5).resume(saved, new RecordingEvents());
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(EndReason.TIMED_OUT, resumed.outcome().get().endReason());
        assertEquals(Duration.ofMinutes(1), Duration.between(started, time.now()));
    }

    @Test
    void aWaitThatWasNotWaitingEndsAtOnceWhenResumed() throws Exception {
        RunWatch watch = start(options().waitForRun(false));
        time.advance(Duration.ZERO);
        WatchState savedAfterCreate = throughSerialization(events.saved.get(1));
        assertNotNull(savedAfterCreate.runUuid());

        RunWatch resumed = new RunWatcher(client, time, time.clock(), () -> 0.5).resume(savedAfterCreate, new RecordingEvents());
        time.advance(Duration.ZERO);

        assertTrue(resumed.outcome().isDone(), "ends without another look at the run");
        assertEquals(EndReason.NOT_WAITED, resumed.outcome().get().endReason());
        assertEquals(watch.outcome().get().runUuid(), resumed.outcome().get().runUuid());
        assertTrue(sim.requests(Endpoint.GET).isEmpty());
    }

    /** Waits, for a few seconds at most, until the simulator has received a request to the endpoint. */
    private void awaitRequest(Endpoint endpoint) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sim.requests(endpoint).isEmpty()) {
            assertTrue(System.nanoTime() < giveUp, "no " + endpoint + " request arrived");
            Thread.sleep(5);
        }
    }

    private String createDirectly() {
        try {
            return client.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of()), null)).uuid();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // --- faults while waiting -----------------------------------------------------------------------

    @Test
    void passingFaultsWhileWaitingAreRetriedAndReported() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running", "running", "success"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(1));
        sim.enqueue(Endpoint.GET, Fault.serverError(503));
        sim.enqueue(Endpoint.GET, Fault.resetConnection());
        sim.enqueue(Endpoint.GET, Fault.tooManyRequests("10"));
        sim.enqueue(Endpoint.GET, Fault.truncatedBody());

        RunOutcome outcome = finish(watch);

        assertEquals(BuildResult.SUCCESS, outcome.result());
        // The reset is absorbed by OkHttp, which repeats a read on a fresh connection by itself.
        assertEquals(3, events.count("Could not read Cargo run"), events.log());
        assertEquals(7, sim.requests(Endpoint.GET).size(), "4 faults, and 3 reads that advanced the run");
        assertTrue(events.log().contains("Cargo answered HTTP 503"), events.log());
        assertTrue(events.log().contains("It asked to wait 10 s. Trying again in 10 s."), events.log());
    }

    @Test
    void aRetryAfterOfZeroDoesNotMakeATightLoop() {
        sim.script(WORKFLOW, RunScript.of("running"));
        start(options());
        time.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests("0"));
        }
        time.advance(Duration.ofSeconds(20));
        assertTrue(sim.requests(Endpoint.GET).size() <= 10, sim.requests(Endpoint.GET).size() + " reads in 20 s");
    }

    @Test
    void theTimeoutHoldsWhileReadsFail() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        var started = time.now();
        RunWatch watch = start(options().timeoutMinutes(1).cancelOnTimeout(false));
        time.advance(Duration.ofSeconds(50));
        for (int i = 0; i < 20; i++) {
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests("500"));
        }

        RunOutcome outcome = finish(watch);

        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(Duration.ofMinutes(1), Duration.between(started, time.now()));
    }

    @Test
    void timeJenkinsWasDownDoesNotCountAgainstFailingReads() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running", "running", "success"));
        start(options());
        time.advance(Duration.ofSeconds(6));
        WatchState saved = events.lastSaved();
        saved.pollFailures = 40;
        saved.firstPollFailureAt = time.now().minus(Duration.ofMinutes(9)).toEpochMilli();

        time = new VirtualTime(time.now().plus(Duration.ofMinutes(30)));
        RunWatch resumed = new RunWatcher(client, time, time.clock(), () -> 0.5).resume(saved, new RecordingEvents());
        sim.enqueue(Endpoint.GET, Fault.serverError(503));
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(BuildResult.SUCCESS, resumed.outcome().get().result());
    }

    @Test
    void cargoUnreachableForTooLongEndsTheWaitWithAClearMessage() {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch watch = start(options().timeoutMinutes(0));
        time.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 40; i++) {
            sim.enqueue(Endpoint.GET, Fault.serverError(502));
        }
        Throwable e = failure(watch);
        assertTrue(e.getMessage().startsWith("Gave up waiting for Cargo run"), e.getMessage());
        assertTrue(e.getMessage().contains("it could not be read for 9 min"), e.getMessage());
    }

    @Test
    void aRefusedTokenMidWaitEndsAtOnce() {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(1));
        sim.enqueue(Endpoint.GET, Fault.unauthorized());
        assertInstanceOf(CargoAuthenticationException.class, failure(watch));
        assertEquals(1, sim.requests(Endpoint.GET).size());
    }

    @Test
    void aVanishedRunEndsTheWaitAtOnce() {
        sim.script(WORKFLOW, RunScript.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        sim.deleteRun(sim.runs().get(0).uuid());
        Throwable e = failure(watch);
        assertInstanceOf(CargoNotFoundException.class, e);
        assertEquals(0, time.scheduled(), "nothing left polling");
    }

    @Test
    void retriedActionsAndALostCreateAnswerAreReportedInTheLog() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running", "success"));
        sim.enqueue(Endpoint.CREATE, Fault.processThenDropResponse());
        sim.enqueue(Endpoint.LIST, Fault.serverError(503));

        RunOutcome outcome = finish(start(options()));

        assertEquals(sim.runs().get(0).uuid(), outcome.runUuid());
        assertEquals(1, events.count("Trying again in 1 s after a failure while listing the runs of workflow"), events.log());
        assertEquals(1, events.count("The answer to the create request was lost"), events.log());
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
    }

    @Test
    void aRefusedCreateEndsWithCargosReason() {
        sim.rejectCreates(WORKFLOW, 404, "workflowNotFound", null);
        CargoRejectedException e = assertInstanceOf(CargoRejectedException.class, failure(start(options())));
        assertEquals("workflowNotFound", e.reason());
    }

    // --- restart, join, no wait -------------------------------------------------------------------

    @Test
    void aResumedWaitGoesOnWithoutASecondCreateOrRepeatedLines() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("running", exec("start", "Start", "success", 0, null))
                .step("running", exec("start", "Start", "success", 0, null))
                .step("running", exec("start", "Start", "success", 0, null), exec("enrich", "Enrich", "success", 0.1, null))
                .step("success", exec("start", "Start", "success", 0, null), exec("enrich", "Enrich", "success", 0.1, null))
                .build());
        start(options());
        time.advance(Duration.ofSeconds(11)); // created, then two polls
        WatchState saved = throughSerialization(events.lastSaved());
        assertNotNull(saved.runUuid());
        List<String> before = List.copyOf(events.lines);

        // The controller restarts: the old watch is gone with its scheduler; a new one resumes.
        time = new VirtualTime(time.now().plusSeconds(90));
        RecordingEvents after = new RecordingEvents();
        RunWatch resumed = new RunWatcher(client, time, time.clock(), () -> 0.5).resume(saved, after);
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(BuildResult.SUCCESS, resumed.outcome().get().result());
        assertEquals(1, sim.requests(Endpoint.CREATE).size(), "no second create");
        assertTrue(after.lines.get(0).startsWith("Resuming the wait for Cargo run " + saved.runUuid() + " (last seen running)"),
                after.log());
        assertEquals(1, before.stream().filter(l -> l.contains("[success] start")).count());
        assertEquals(0, after.count("[success] start"), "already printed before the restart: " + after.log());
        assertEquals(0, after.count("is running"), after.log());
        assertEquals(1, after.count("[success] enrich"), after.log());
    }

    @Test
    void aRestartDuringCreateFindsTheRunInsteadOfCreatingAnother() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running", "success"));
        start(options());
        time.advance(Duration.ofMillis(1));
        WatchState savedBeforeSend = throughSerialization(events.saved.get(0));
        assertNull(savedBeforeSend.runUuid(), "saved before the request went out");

        RecordingEvents after = new RecordingEvents();
        RunWatch resumed = new RunWatcher(client, time, time.clock(), () -> 0.5).resume(savedBeforeSend, after);
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(sim.runs().get(0).uuid(), resumed.outcome().get().runUuid());
        assertEquals(1, sim.requests(Endpoint.CREATE).size(), "never a second create");
        assertTrue(after.log().contains("Found Cargo run " + sim.runs().get(0).uuid()), after.log());
    }

    @Test
    void aRestartDuringACreateThatMadeNoRunEndsAsOutcomeUnknown() {
        sim.enqueue(Endpoint.CREATE, Fault.resetConnection());
        RunWatch first = start(options());
        time.advance(Duration.ofMillis(1));
        assertInstanceOf(CargoOutcomeUnknownException.class, failure(first));

        RunWatch resumed = new RunWatcher(client, time, time.clock(), () -> 0.5).resume(events.saved.get(0), new RecordingEvents());
        Throwable e = failure(resumed);
        assertInstanceOf(CargoOutcomeUnknownException.class, e);
        assertTrue(e.getMessage().contains("Jenkins restarted before Cargo's answer was saved"), e.getMessage());
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
    }

    @Test
    void aRestartLongAfterAnUnansweredCreateDoesNotAdoptALaterRun() throws Exception {
        sim.enqueue(Endpoint.CREATE, Fault.resetConnection());
        RunWatch first = start(options());
        time.advance(Duration.ofMillis(1));
        failure(first);
        WatchState savedBeforeSend = events.saved.get(0);
        Thread.sleep(1200);
        // Another build starts the same workflow well after this build's create went unanswered.
        client.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of()), null));

        CargoClient quick = CargoClient.builder(CargoApiUrl.parse(sim.baseUrl()), () -> TOKEN)
                .callTimeout(Duration.ofMillis(200))
                .clockSkew(Duration.ZERO)
                .sleeper(duration -> {})
                .build();
        RunWatch resumed = new RunWatcher(quick, time, time.clock(), () -> 0.5).resume(savedBeforeSend, new RecordingEvents());

        assertInstanceOf(CargoOutcomeUnknownException.class, failure(resumed));
    }

    @Test
    void aNodeThatRunsMoreThanOnceIsReportedEachTime() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("running", exec("loop", "Item 1", "success", 0, null))
                .step("success", exec("loop", "Item 1", "success", 0, null), exec("loop", "Item 2", "success", 0, null))
                .build());
        finish(start(options()));
        assertEquals(1, events.count("[success] loop (Item 1)"), events.log());
        assertEquals(1, events.count("[success] loop (Item 2)"), events.log());
    }

    @Test
    void aRunStartedEarlierCanBeJoinedAndCancelled() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        String uuid = client.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of()), null)).uuid();

        RunWatch joined = watcher().join(uuid, null, WaitPolicy.defaults(), events);
        time.advance(Duration.ofSeconds(1));
        joined.abort();
        RunOutcome outcome = finish(joined);

        assertEquals(uuid, outcome.runUuid());
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, sim.run(uuid).cancelRequests(), "the workflow was learned from the first read");
        assertEquals(1, sim.requests(Endpoint.CREATE).size());
        assertEquals("Waiting for Cargo run " + uuid + ".", events.lines.get(0));
    }

    @Test
    void joinRefusesSomethingThatIsNotARunUuid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> watcher().join("run-42", null, WaitPolicy.defaults(), events));
        assertTrue(e.getMessage().startsWith("runUuid 'run-42' is not a UUID"), e.getMessage());
    }

    @Test
    void withoutWaitingTheOutcomeComesRightAfterTheCreate() throws Exception {
        RunWatch watch = start(options().waitForRun(false));
        CompletableFuture<RunOutcome> outcome = watch.outcome();
        time.advance(Duration.ZERO);
        assertTrue(outcome.isDone());
        assertEquals(EndReason.NOT_WAITED, outcome.get().endReason());
        assertEquals(BuildResult.SUCCESS, outcome.get().result());
        assertEquals("pending", outcome.get().status());
        assertTrue(sim.requests(Endpoint.GET).isEmpty());
        assertTrue(events.log().contains("Not waiting for it to finish."), events.log());
    }

    // --- the log ------------------------------------------------------------------------------------

    @Test
    void theLogOfAFullRunHasTheUuidAndNeverTheTokenOrTheData() throws Exception {
        sim.script(WORKFLOW, RunScript.builder()
                .step("pending")
                .step("running", exec("start", "Start", "success", 0, null))
                .step("error", exec("start", "Start", "success", 0, null), exec("score", "Score", "error", 0, "bad input"))
                .errorMessage("Node score failed")
                .output(Map.of("start", Map.of("customer", SECRET_INPUT)))
                .build());
        sim.enqueue(Endpoint.GET, Fault.status(500, "{\"errorMessage\":\"echo Bearer " + TOKEN + "\"}"));

        RunOutcome outcome = finish(start(options()));

        String log = events.log();
        assertTrue(log.contains(outcome.runUuid()), log);
        assertFalse(log.contains(TOKEN), log);
        assertFalse(log.contains(SECRET_INPUT), log);
        assertFalse(log.toLowerCase().contains("authorization"), log);
    }

    @Test
    void aRunThatStaysPendingGetsOneHint() throws Exception {
        sim.script(WORKFLOW, RunScript.of("pending"));
        RunWatch watch = start(options().timeoutMinutes(5).cancelOnTimeout(false));
        finish(watch);
        assertEquals(1, events.count("A run that does not start usually means the tool is disabled or has no deployed release"),
                events.log());
    }

    @Test
    void pollsSpaceOutAfterTheFirstMinutes() throws Exception {
        sim.script(WORKFLOW, RunScript.of("running"));
        start(options().timeoutMinutes(0));
        time.advance(Duration.ofMinutes(2));
        int early = sim.requests(Endpoint.GET).size();
        time.advance(Duration.ofMinutes(10));
        int late = sim.requests(Endpoint.GET).size() - early;
        // 2 min at 4.5 s (5 s less jitter) is about 26 polls; 10 min at up to 30 s is about 22.
        assertTrue(early >= 24 && early <= 28, "early polls: " + early);
        assertTrue(late >= 18 && late <= 26, "late polls: " + late);
    }
}
