package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.testing.VirtualTime;
import static io.jenkins.plugins.cargo.run.FakeCargo.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoAuthenticationException;
import io.jenkins.plugins.cargo.api.CargoCredits;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoNotFoundException;
import io.jenkins.plugins.cargo.api.CargoOutcomeUnknownException;
import io.jenkins.plugins.cargo.api.CargoRejectedException;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.FormField;
import io.jenkins.plugins.cargo.api.CargoTransientException;
import io.jenkins.plugins.cargo.api.RunStatus;
import io.jenkins.plugins.cargo.api.Scheduler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The watch against an in-memory Cargo, in virtual time: no sockets, no sleeps, no wall clock. */
class RunWatchTest {
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";
    private static final String SECRET_INPUT = "Globex-confidential-input";

    private VirtualTime time = new VirtualTime(Instant.parse("2026-11-29T10:00:00Z"));
    private final FakeCargo cargo = new FakeCargo(time);
    private final RecordingHost host = new RecordingHost();

    private RunWatcher watcher() {
        return new RunWatcher(time, time.clock(), () -> 0.5);
    }

    private static RunOptions.Builder options() {
        return RunOptions.builder(WORKFLOW, Map.of("customer", SECRET_INPUT));
    }

    private RunWatch start(RunOptions.Builder options) {
        return watcher().start(options.build(), cargo, host);
    }

    private RunOutcome finish(RunWatch watch) throws Exception {
        time.runUntilDone(watch.outcome(), Duration.ofHours(3));
        return watch.outcome().get();
    }

    private Throwable failure(RunWatch watch) {
        time.runUntilDone(watch.outcome(), Duration.ofHours(3));
        return assertThrows(ExecutionException.class, () -> watch.outcome().get()).getCause();
    }

    /** What Jenkins does with a persisted state: write it out and read it back. */
    @SuppressWarnings("unchecked")
    private static <T> T throughSerialization(T state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static CargoTransientException unavailable(String retryAfterSeconds) {
        return new CargoTransientException("Cargo answered HTTP 503 while reading.", 503, null, null,
                retryAfterSeconds == null ? null : Duration.ofSeconds(Long.parseLong(retryAfterSeconds)), true, null);
    }

    private static CargoTransientException rateLimited(Duration retryAfter) {
        return new CargoTransientException("Cargo is limiting the rate of requests (HTTP 429).", 429, null, null,
                retryAfter, true, null);
    }

    // --- outcomes ----------------------------------------------------------------------------------

    @Test
    void aSuccessfulRunIsFollowedWithOneReadPerPoll() throws Exception {
        cargo.script(FakeCargo.Script.of("pending")
                .step("running", exec("start", "Start", "success", 0, null))
                .step("running", exec("start", "Start", "success", 0, null), exec("enrich", "Enrich company", "pending", 0, null))
                .step("success", exec("start", "Start", "success", 0, null),
                        exec("enrich", "Enrich company", "success", 0.25, null), exec("end", "End", "success", 0, null))
                .output(Map.of("end", Map.of("score", 42))));

        RunOutcome outcome = finish(start(options()));

        String uuid = cargo.runs().get(0).uuid;
        assertEquals(uuid, outcome.runUuid());
        assertEquals("success", outcome.status());
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(EndReason.FINISHED, outcome.endReason());
        assertEquals(Map.of("score", 42), outcome.output().get("end"));
        assertEquals(4, cargo.calls("get").size(), "one read per poll until the end, no more");
        assertEquals(1, cargo.calls("create").size());
        assertEquals(1, host.count("Cargo run " + uuid + " created for workflow " + WORKFLOW), host.log());
        assertEquals(1, host.count("is running"), host.log());
        assertEquals(1, host.count("[success] start (Start)"), host.log());
        assertEquals(1, host.count("[success] enrich (Enrich company), 0.25 credits"), host.log());
        assertTrue(host.log().contains("Cargo run " + uuid + " finished: success"), host.log());
        assertTrue(host.log().contains("3 executions, 0.25 credits"), host.log());
        assertTrue(host.log().endsWith("Build result from Cargo run: SUCCESS."), host.log());
    }

    @Test
    void anErrorReportsTheFailingNodeAndFailsTheBuild() throws Exception {
        cargo.script(FakeCargo.Script.of("running")
                .step("error", exec("start", "Start", "success", 0, null),
                        exec("enrich", "Enrich company", "error", 0.5, "Provider said 429"))
                .errorMessage("Node enrich failed"));

        RunOutcome outcome = finish(start(options()));

        assertEquals(BuildResult.FAILURE, outcome.result());
        assertEquals("enrich", outcome.failedNodeSlug());
        assertEquals("Provider said 429", outcome.failedNodeError());
        assertTrue(host.log().contains("Cargo says: Node enrich failed"), host.log());
        assertTrue(host.log().contains("Failing node: enrich (Enrich company): Provider said 429"), host.log());
        assertTrue(host.log().contains("[error] enrich (Enrich company), 0.5 credits: Provider said 429"), host.log());
        assertTrue(host.log().endsWith("Build result from Cargo run: FAILURE."), host.log());
    }

    @Test
    void aCancelledRunAbortsTheBuildByDefaultOrFailsItIfSoConfigured() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "cancelled"));
        assertEquals(BuildResult.ABORTED, finish(start(options())).result());
        assertEquals(BuildResult.FAILURE, finish(start(options().resultOnCancelled(BuildResult.FAILURE))).result());
    }

    @Test
    void aSkippedRunMakesTheBuildUnstableByDefault() throws Exception {
        cargo.script(FakeCargo.Script.of("pending", "skipped"));
        RunOutcome outcome = finish(start(options()));
        assertEquals("skipped", outcome.status());
        assertEquals(BuildResult.UNSTABLE, outcome.result());
    }

    @Test
    void anExecutionErrorInASuccessfulRunFailsTheBuildOnlyWhenAskedTo() throws Exception {
        cargo.script(new FakeCargo.Script()
                .step("success", exec("lookup", "Lookup", "error", 0, "fell back"), exec("end", "End", "success", 0, null)));
        assertEquals(BuildResult.SUCCESS, finish(start(options())).result());
        assertEquals(BuildResult.FAILURE, finish(start(options().failOnExecutionError(true))).result());
    }

    @Test
    void anUnknownStatusIsWaitedOnUntilTheTimeout() throws Exception {
        cargo.script(FakeCargo.Script.of("pending", "hibernating"));
        RunOutcome outcome = finish(start(options().timeoutMinutes(5).cancelOnTimeout(false)));
        assertEquals("hibernating", outcome.status());
        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(BuildResult.FAILURE, outcome.result());
        assertEquals(1, host.count("hibernating (a status this plugin does not know; still waiting)"), host.log());
        assertTrue(cargo.calls("cancel").isEmpty());
    }

    // --- persistence the watch waits for -----------------------------------------------------------

    @Test
    void theCreateGoesOutOnlyOnceTheStateSayingSoIsDurable() {
        host.holdSaves();
        RunWatch watch = start(options());
        time.advance(Duration.ofMinutes(1));

        assertTrue(cargo.calls("create").isEmpty(), "nothing is sent while the save is not durable");
        assertEquals(1, host.saved.size());
        WatchState intent = host.saved.get(0);
        assertTrue(intent.createMayHaveBeenSent());
        assertEquals(time.now().minus(Duration.ofMinutes(1)), intent.createAttemptStartedAt());
        assertTrue(watch.describe().startsWith("creating a Cargo run"), watch.describe());

        host.releaseSaves();
        time.advance(Duration.ZERO);
        assertEquals(1, cargo.calls("create").size());
    }

    @Test
    void aStateThatCannotBeSavedBeforeTheCreateCreatesNothing() {
        host.failSaves(new IllegalStateException("disk full"));
        Throwable e = failure(start(options()));
        assertTrue(e.getMessage().contains("could not be saved before creating the Cargo run, so no run was created"),
                e.getMessage());
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        assertTrue(cargo.calls("create").isEmpty());
    }

    @Test
    void savesAreFoldedAtMostOneInFlightAndTheNewestWins() throws Exception {
        cargo.script(new FakeCargo.Script()
                .step("running", exec("a", "A", "success", 0, null))
                .step("running", exec("a", "A", "success", 0, null), exec("b", "B", "success", 0, null))
                .step("running", exec("a", "A", "success", 0, null), exec("b", "B", "success", 0, null),
                        exec("c", "C", "success", 0, null)));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        host.holdSaves();
        int before = host.saved.size();
        time.advance(Duration.ofSeconds(30));

        assertEquals(before + 1, host.saved.size(), "one save in flight; the changes meanwhile wait for it");
        assertEquals(1, host.mostInFlight);
        host.releaseSaves();
        time.advance(Duration.ZERO);

        assertEquals(before + 2, host.saved.size(), "the changes made meanwhile are written once");
        assertEquals(3, host.lastSaved().reportedExecutions.size(), "and the newest state is the one written");
        assertFalse(watch.outcome().isDone());
    }

    @Test
    void aStateThatCouldNotBeSavedLaterIsReportedAndTheWaitGoesOn() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "running", "success"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(1));
        host.failSaves(new IllegalStateException("disk full"));
        assertEquals(BuildResult.SUCCESS, finish(watch).result());
        assertTrue(host.log().contains("Warning: the state of the wait could not be saved (disk full)"), host.log());
    }

    // --- timeout and abort -------------------------------------------------------------------------

    @Test
    void aTimeoutCancelsTheRunAndFailsTheBuild() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunOutcome outcome = finish(start(options().timeoutMinutes(10)));

        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(BuildResult.FAILURE, outcome.result());
        assertEquals("cancelled", outcome.status(), "followed until Cargo confirmed the cancel");
        assertEquals(1, cargo.calls("cancel").size());
        assertTrue(host.log().contains("did not finish within 10 min (timeoutMinutes); cancelling it."), host.log());
        assertTrue(host.log().contains("did not finish in time; last status cancelled"), host.log());
    }

    @Test
    void aTimeoutWithoutCancelLeavesTheRunGoing() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        Instant started = time.now();

        RunOutcome outcome = finish(start(options().timeoutMinutes(10).cancelOnTimeout(false)));

        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals("running", outcome.status());
        assertTrue(cargo.calls("cancel").isEmpty());
        assertEquals(Duration.ofMinutes(10), Duration.between(started, time.now()), "ends at the deadline, not later");
        assertTrue(host.log().contains("the run is left running, as cancelOnTimeout is off"), host.log());
    }

    @Test
    void abortSendsOneCancelAndEndsAborted() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(12));
        assertFalse(watch.outcome().isDone());

        watch.abort();
        watch.abort();
        time.advance(Duration.ZERO);
        assertTrue(watch.describe().endsWith("(cancelling)"), watch.describe());
        RunOutcome outcome = finish(watch);
        watch.abort();
        time.advance(Duration.ofMinutes(1));

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals("cancelled", outcome.status());
        assertEquals(1, cargo.calls("cancel").size(), "cancel sent once");
        assertEquals("cancel " + WORKFLOW + " " + outcome.runUuid(), cargo.calls("cancel").get(0));
        assertEquals(1, host.count("The build was aborted; cancelling Cargo run"), host.log());
        assertEquals(1, host.count("Asked Cargo to cancel run"), host.log());
    }

    @Test
    void anAbortWhileAReadIsUnderWayCallsItOffAndSendsTheCancelAtOnce() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options().pollIntervalSeconds(60));
        time.advance(Duration.ZERO);
        cargo.holdGets();
        time.advance(Duration.ofSeconds(60));
        assertEquals(1, cargo.heldGets.size(), "a read is under way");

        watch.abort();
        time.advance(Duration.ZERO);

        assertTrue(cargo.heldGets.get(0).isCancelled(), "the read under way was called off");
        assertEquals(1, cargo.calls("cancel").size(), "the cancel went out without waiting for the read");
    }

    @Test
    void aRunThatIgnoresTheCancelIsLeftAfterAGraceShorterThanTheTimeoutStepsOwn() throws Exception {
        cargo.script(FakeCargo.Script.of("running").ignoresCancel());
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        Instant aborted = time.now();
        watch.abort();
        RunOutcome outcome = finish(watch);

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals("running", outcome.status());
        assertTrue(Duration.between(aborted, time.now()).compareTo(Duration.ofSeconds(30)) <= 0,
                "an enclosing timeout step waits 60 s for its body; the watch ends well before: "
                        + Duration.between(aborted, time.now()));
        assertTrue(host.log().contains("did not reach cancelled within 20 s of the cancel request"), host.log());
    }

    @Test
    void abortBeforeTheCreateWasSentCreatesNothing() {
        host.holdSaves();
        RunWatch watch = start(options());
        time.advance(Duration.ZERO);
        watch.abort();
        host.releaseSaves();
        time.advance(Duration.ofMinutes(1));
        assertTrue(watch.outcome().isCompletedExceptionally());
        assertThrows(CancellationException.class, () -> watch.outcome().get());
        assertTrue(cargo.calls("create").isEmpty());
    }

    @Test
    void abortWhileTheCreateIsUnderWayCancelsTheRunOnceItExists() throws Exception {
        RunOutcome outcome = abortWhileCreating(options());

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(1, cargo.calls("cancel").size());
        assertEquals(1, cargo.calls("create").size());
        assertEquals(1, host.count("The build was aborted; cancelling the Cargo run once it is created."), host.log());
    }

    @Test
    void abortWhileTheCreateIsUnderWayWithoutWaitingStillCancelsTheRun() throws Exception {
        RunOutcome outcome = abortWhileCreating(options().waitForRun(false));

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, cargo.calls("cancel").size());
    }

    private RunOutcome abortWhileCreating(RunOptions.Builder options) throws Exception {
        cargo.script(FakeCargo.Script.of("running")).holdCreates();
        RunOptions built = options.build();
        RunWatch watch = watcher().start(built, cargo, host);
        time.advance(Duration.ZERO);
        assertEquals(1, cargo.heldCreates.size());
        watch.abort();
        time.advance(Duration.ZERO);
        cargo.releaseCreate(built.createRequest());
        return finish(watch);
    }

    @Test
    void anAbortWhileTheTimeoutCancelIsUnderWayEndsAborted() throws Exception {
        cargo.script(FakeCargo.Script.of("running").ignoresCancel());
        RunWatch watch = start(options().timeoutMinutes(1));
        time.advance(Duration.ofSeconds(62));
        assertEquals(1, cargo.calls("cancel").size());

        watch.abort();
        RunOutcome outcome = finish(watch);

        assertEquals(EndReason.ABORTED, outcome.endReason());
        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, cargo.calls("cancel").size(), "the timeout's cancel is not sent again");
    }

    @Test
    void aJoinedRunWhoseWorkflowIsNotKnownYetIsReadFirstThenCancelled() throws Exception {
        String uuid = cargo.existingRun(WORKFLOW, FakeCargo.Script.of("running"));
        RunWatch joined = watcher().join(uuid, null, WaitPolicy.defaults(), cargo, host);
        joined.abort();
        RunOutcome outcome = finish(joined);

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(List.of("cancel " + WORKFLOW + " " + uuid), cargo.calls("cancel"),
                "the workflow was learned from the first read");
    }

    @Test
    void aJoinedRunWhoseWorkflowIsNotKnownDoesNotLoopWhileReadsFail() {
        String uuid = cargo.existingRun(WORKFLOW, FakeCargo.Script.of("running"));
        cargo.failGets(rateLimited(Duration.ofSeconds(30)), 200);
        RunWatch joined = watcher().join(uuid, null, WaitPolicy.defaults(), cargo, host);
        joined.abort();
        time.advance(Duration.ofSeconds(10));
        assertTrue(cargo.calls("get").size() <= 2, cargo.calls("get").size() + " reads in 10 s");
    }

    @Test
    void aPollIntervalLongerThanTheTimeoutStillEndsAtTheTimeout() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        Instant started = time.now();
        RunOutcome outcome = finish(start(options().timeoutMinutes(1).pollIntervalSeconds(600).cancelOnTimeout(false)));
        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(Duration.ofMinutes(1), Duration.between(started, time.now()));
    }

    @Test
    void theOutcomeArrivesEvenWhenTheLogFails() throws Exception {
        cargo.script(FakeCargo.Script.of("success"));
        RecordingHost failingLog = new RecordingHost() {
            @Override
            public void log(String line) {
                if (line.startsWith("Build result")) {
                    throw new IllegalStateException("the build log is closed");
                }
                super.log(line);
            }
        };
        RunWatch watch = watcher().start(options().build(), cargo, failingLog);
        time.runUntilDone(watch.outcome(), Duration.ofMinutes(5));
        assertEquals(BuildResult.SUCCESS, watch.outcome().get().result());
    }

    @Test
    void theOutcomeCompletesExactlyOnceWhateverArrivesAfterIt() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "success"));
        RunWatch watch = start(options());
        AtomicInteger completions = new AtomicInteger();
        watch.outcome().whenComplete((outcome, failure) -> completions.incrementAndGet());
        finish(watch);
        watch.abort();
        watch.stop();
        time.advance(Duration.ofMinutes(5));
        assertEquals(1, completions.get());
        assertEquals(0, time.scheduled(), "nothing left scheduled");
    }

    @Test
    void aTimerThatCouldNotBeCalledOffDoesNotStartASecondChain() throws Exception {
        cargo.script(FakeCargo.Script.of("running").ignoresCancel());
        // A scheduler whose tasks cannot be called off, like a task that has already begun to run.
        Scheduler leaky = (task, delay) -> {
            time.schedule(task, delay);
            return () -> {};
        };
        RunWatch watch = new RunWatcher(leaky, time.clock(), () -> 0.5).start(options().build(), cargo, host);
        time.advance(Duration.ofSeconds(7));
        int readsBeforeAbort = cargo.calls("get").size();

        watch.abort();
        watch.abort();
        RunOutcome outcome = finish(watch);
        time.advance(Duration.ofMinutes(5));

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, cargo.calls("cancel").size());
        assertEquals(1, host.count("Build result from Cargo run"), host.log());
        // One read every 2 s from the abort to the end of the 20 s grace, 7 s to 27 s: a single chain.
        assertEquals(readsBeforeAbort + 10, cargo.calls("get").size());
    }

    @Test
    void anAbortDuringAnEventIsActedOnRightAfterItNotAfterTheNextInterval() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch[] watch = new RunWatch[1];
        Instant[] abortedAt = new Instant[1];
        // Aborted from inside the watch's own event (its log line for the status change): the worst moment.
        RecordingHost abortingHost = new RecordingHost() {
            @Override
            public void log(String line) {
                super.log(line);
                if (line.endsWith("is running.")) {
                    abortedAt[0] = time.now();
                    watch[0].abort();
                }
            }
        };
        watch[0] = watcher().start(options().pollIntervalSeconds(60).build(), cargo, abortingHost);

        RunOutcome outcome = finish(watch[0]);

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals("cancelled", outcome.status());
        assertTrue(Duration.between(abortedAt[0], time.now()).compareTo(Duration.ofSeconds(5)) <= 0,
                "ended " + Duration.between(abortedAt[0], time.now()) + " after the abort");
    }

    @Test
    void theClientsRetriesAndARecoveredCreateAreReportedInTheLog() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "success"));
        cargo.tellListener(listener -> {
            listener.retrying("listing the runs of workflow " + WORKFLOW, unavailable(null), 1, Duration.ofMillis(1));
            listener.foundLostRun(cargo.runs().get(0).created(), unavailable(null));
        });
        finish(start(options()));
        assertEquals(1, host.count("Trying again in 1 s after a failure while listing the runs of workflow"), host.log());
        assertEquals(1, host.count("The answer to the create request was lost"), host.log());
    }

    // --- every phase is bounded ----------------------------------------------------------------------

    @Test
    void anAbortWhileTheCreateHangsEndsWithinTheGraceAndARunCreatedLaterIsCancelled() throws Exception {
        cargo.script(FakeCargo.Script.of("running")).holdCreates();
        RunOptions options = options().build();
        RunWatch watch = watcher().start(options, cargo, host);
        time.advance(Duration.ZERO);
        watch.abort();
        time.advance(RunWatch.CANCEL_GRACE.minusSeconds(1));
        assertFalse(watch.outcome().isDone(), "Cargo still has the grace to answer the create");
        time.advance(Duration.ofSeconds(1));

        assertTrue(watch.outcome().isDone(), "ended at the grace, under the 60 s an enclosing timeout step allows");
        CancellationException e = assertThrows(CancellationException.class, () -> watch.outcome().get());
        assertTrue(e.getMessage().contains("If Cargo creates it, it is cancelled"), e.getMessage());
        assertTrue(cargo.calls("cancel").isEmpty(), "nothing to cancel yet");

        String late = cargo.releaseCreate(options.createRequest());
        time.advance(Duration.ZERO);
        assertEquals(List.of("cancel " + WORKFLOW + " " + late), cargo.calls("cancel"));
        assertEquals(1, host.count("Cargo run " + late + " was created after the wait had ended; asking Cargo to cancel it."),
                host.log());
        assertEquals(late, host.lastSaved().runUuid(), "the late run is saved, so the build page knows it");
    }

    @Test
    void theTimeoutHoldsWhileTheCreateHangs() throws Exception {
        cargo.holdCreates();
        RunOptions options = options().timeoutMinutes(1).build();
        RunWatch watch = watcher().start(options, cargo, host);
        Instant started = time.now();

        Throwable e = failure(watch);

        assertTrue(e.getMessage().startsWith("The Cargo run was not created within 1 min (timeoutMinutes)."), e.getMessage());
        assertEquals(Duration.ofMinutes(1).plus(RunWatch.CANCEL_GRACE), Duration.between(started, time.now()));
        assertEquals(1, host.count("was not created within 1 min (timeoutMinutes); if Cargo creates it, it is cancelled."),
                host.log());
        String late = cargo.releaseCreate(options.createRequest());
        time.advance(Duration.ZERO);
        assertEquals(List.of("cancel " + WORKFLOW + " " + late), cargo.calls("cancel"));
    }

    @Test
    void theTimeoutHoldsWhileTheFormIsRead() {
        cargo.release(new CompletableFuture<>());
        Throwable e = failure(start(options().timeoutMinutes(2)));
        assertTrue(e.getMessage().contains("could not be read within 2 min (timeoutMinutes), so no run was created"),
                e.getMessage());
        assertTrue(cargo.calls("create").isEmpty());
    }

    @Test
    void anAbortWhileTheIntentIsBeingSavedLeavesAStateThatSaysNothingWasSent() throws Exception {
        host.holdSaves();
        RunWatch watch = start(options());
        time.advance(Duration.ZERO);
        watch.abort();
        time.advance(Duration.ZERO);
        host.releaseSaves();
        time.advance(Duration.ZERO);

        assertThrows(CancellationException.class, () -> watch.outcome().get());
        assertFalse(host.lastSaved().createMayHaveBeenSent());
        assertTrue(cargo.calls("create").isEmpty());
    }

    @Test
    void aTraceThatDoesNotAnswerHoldsTheOutcomeBackOnlyBriefly() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "success")).holdTraces();
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(9));
        assertEquals(1, cargo.calls("trace").size());
        Instant asked = time.now();

        RunOutcome outcome = finish(watch);

        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertTrue(Duration.between(asked, time.now()).compareTo(RunWatch.EXPLAIN_LIMIT) <= 0);
    }

    @Test
    void anAbortWhileTheEndIsBeingExplainedEndsAtOnce() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "success")).holdTraces();
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(9));
        watch.abort();
        time.advance(Duration.ZERO);
        assertTrue(watch.outcome().isDone());
        assertEquals("success", watch.outcome().get().status());
        assertTrue(cargo.calls("cancel").isEmpty(), "the run had ended: nothing to cancel");
    }

    @Test
    void aRestartBeforeAnythingWasSentKeepsTheWaitsDeadline() throws Exception {
        cargo.failCreate(rateLimited(Duration.ofMinutes(1)));
        Instant started = time.now();
        start(options().timeoutMinutes(3).cancelOnTimeout(false));
        time.advance(Duration.ofSeconds(30));
        WatchState saved = throughSerialization(host.lastSaved());
        assertFalse(saved.createMayHaveBeenSent(), "waiting for capacity: nothing was made");

        cargo.script(FakeCargo.Script.of("running"));
        RunWatch resumed = watcher().resume(saved, options().timeoutMinutes(3).cancelOnTimeout(false).build(), cargo,
                new RecordingHost());
        RunOutcome outcome = finish(resumed);

        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(Duration.ofMinutes(3), Duration.between(started, time.now()), "the original deadline");
    }

    // --- shutdown and resume -----------------------------------------------------------------------

    @Test
    void aStoppingHostLeavesTheWaitOpenToResumeNotFailed() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(12));
        int reads = cargo.calls("get").size();

        var stopped = watch.stop();
        time.advance(Duration.ofMinutes(10));

        assertTrue(stopped.isDone());
        assertFalse(watch.outcome().isDone(), "a shutdown is not a failure: the build resumes after the restart");
        assertEquals(reads, cargo.calls("get").size(), "no more reads once stopped");
        assertTrue(watch.describe().startsWith("stopped for a restart"), watch.describe());
    }

    @Test
    void aStopWhileTheIntentIsBeingSavedLeavesAStateThatStartsAfresh() throws Exception {
        host.holdSaves();
        RunOptions options = options().build();
        RunWatch watch = watcher().start(options, cargo, host);
        time.advance(Duration.ZERO);
        watch.stop();
        time.advance(Duration.ZERO);
        host.releaseSaves();
        time.advance(Duration.ZERO);

        assertTrue(cargo.calls("create").isEmpty(), "the create never went out");
        WatchState last = throughSerialization(host.lastSaved());
        assertFalse(last.createMayHaveBeenSent(), "so the saved state says nothing may have been sent");
        RunWatch resumed = watcher().resume(last, options, cargo, new RecordingHost());
        assertEquals(BuildResult.SUCCESS, finish(resumed).result());
        assertTrue(cargo.calls("find").isEmpty());
        assertEquals(1, cargo.calls("create").size());
    }

    @Test
    void aSchedulerThatRefusesWorkStopsTheWaitWithoutFailingIt() {
        cargo.script(FakeCargo.Script.of("running"));
        AtomicInteger calls = new AtomicInteger();
        // Runs the first few events, then refuses, as a pool shut down because Jenkins is stopping.
        Scheduler shutDownLater = (task, delay) -> {
            if (calls.incrementAndGet() > 4) {
                throw new RejectedExecutionException("shut down");
            }
            return time.schedule(task, delay);
        };
        RunWatch watch = new RunWatcher(shutDownLater, time.clock(), () -> 0.5).start(options().build(), cargo, host);
        time.advance(Duration.ofMinutes(5));
        assertFalse(watch.outcome().isDone());
        assertTrue(watch.stop().isDone(), "stopping a watch whose scheduler refuses returns at once");
    }

    @Test
    void anAbortWhileAResumedWaitThatWasNotWaitingEndsIsNotLost() throws Exception {
        RunWatch first = start(options().waitForRun(false));
        time.advance(Duration.ZERO);
        WatchState savedAfterCreate = throughSerialization(host.lastSaved());
        assertNotNull(savedAfterCreate.runUuid());
        assertTrue(first.outcome().isDone());

        RunWatch resumed = watcher().resume(savedAfterCreate, null, cargo, new RecordingHost());
        resumed.abort();
        time.runUntilDone(resumed.outcome(), Duration.ofMinutes(5));

        assertTrue(resumed.outcome().isDone(), "the build does not hang");
        assertEquals(EndReason.NOT_WAITED, resumed.outcome().get().endReason(), "it had ended before the abort came");
    }

    @Test
    void aWaitThatWasNotWaitingEndsAtOnceWhenResumed() throws Exception {
        RunWatch watch = start(options().waitForRun(false));
        time.advance(Duration.ZERO);
        WatchState savedAfterCreate = throughSerialization(host.lastSaved());

        RecordingHost after = new RecordingHost();
        RunWatch resumed = watcher().resume(savedAfterCreate, null, cargo, after);
        time.advance(Duration.ZERO);

        assertTrue(resumed.outcome().isDone(), "ends without another look at the run");
        assertEquals("Jenkins restarted after Cargo run " + savedAfterCreate.runUuid() + " was created; not waiting for it.",
                after.lines.get(0));
        assertEquals(EndReason.NOT_WAITED, resumed.outcome().get().endReason());
        assertEquals(watch.outcome().get().runUuid(), resumed.outcome().get().runUuid());
        assertTrue(cargo.calls("get").isEmpty());
    }

    @Test
    void aCancelAskedForButNotSentBeforeARestartIsSentAfterIt() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        cargo.failCancel(null);
        host.holdSaves();
        watch.abort();
        watch.stop();
        time.advance(Duration.ZERO);
        // The abort's state was handed over (Jenkins keeps the newest), but the controller stopped first.
        WatchState saved = throughSerialization(host.lastSaved());
        assertEquals(WatchState.CancelReason.ABORT, saved.cancelReason());
        assertTrue(saved.cancelPending());

        time = new VirtualTime(time.now().plusSeconds(30));
        RunWatch resumed = new RunWatcher(time, time.clock(), () -> 0.5).resume(saved, null, cargo, new RecordingHost());
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(BuildResult.ABORTED, resumed.outcome().get().result());
        assertEquals("cancelled", resumed.outcome().get().status());
    }

    @Test
    void aStateSavedWhileTheCancelIsOnItsWayDoesNotClaimItWasSent() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(6));
        watch.abort();
        time.advance(Duration.ZERO);
        List<WatchState> saves = host.saved;
        WatchState firstAfterAbort = saves.stream().filter(s -> s.cancelReason() == WatchState.CancelReason.ABORT)
                .findFirst().orElseThrow();
        assertTrue(firstAfterAbort.cancelPending(), "saved before the cancel was answered");
        assertFalse(host.lastSaved().cancelPending(), "and again once Cargo took it");
    }

    @Test
    void theGrownIntervalIsSavedForAResumedWait() {
        cargo.script(FakeCargo.Script.of("running"));
        start(options().timeoutMinutes(0));
        time.advance(Duration.ofMinutes(5));
        assertEquals(30_000, host.lastSaved().nextDelayMillis);
    }

    @Test
    void aResumedWaitKeepsItsDeadline() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        Instant started = time.now();
        start(options().timeoutMinutes(1).cancelOnTimeout(false));
        time.advance(Duration.ofSeconds(30));
        WatchState saved = throughSerialization(host.lastSaved());

        time = new VirtualTime(time.now());
        RunWatch resumed = new RunWatcher(time, time.clock(), () -> 0.5).resume(saved, null, cargo, new RecordingHost());
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(EndReason.TIMED_OUT, resumed.outcome().get().endReason());
        assertEquals(Duration.ofMinutes(1), Duration.between(started, time.now()));
    }

    @Test
    void aResumedWaitGoesOnWithoutASecondCreateOrRepeatedLines() throws Exception {
        cargo.script(new FakeCargo.Script()
                .step("running", exec("start", "Start", "success", 0, null))
                .step("running", exec("start", "Start", "success", 0, null))
                .step("running", exec("start", "Start", "success", 0, null), exec("enrich", "Enrich", "success", 0.1, null))
                .step("success", exec("start", "Start", "success", 0, null), exec("enrich", "Enrich", "success", 0.1, null)));
        start(options());
        time.advance(Duration.ofSeconds(11)); // created, then two polls
        WatchState saved = throughSerialization(host.lastSaved());
        assertNotNull(saved.runUuid());
        List<String> before = List.copyOf(host.lines);

        // The controller restarts: the old watch is gone with its scheduler; a new one resumes.
        time = new VirtualTime(time.now().plusSeconds(90));
        RecordingHost after = new RecordingHost();
        RunWatch resumed = new RunWatcher(time, time.clock(), () -> 0.5).resume(saved, null, cargo, after);
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(BuildResult.SUCCESS, resumed.outcome().get().result());
        assertEquals(1, cargo.calls("create").size(), "no second create");
        assertTrue(after.lines.get(0).startsWith("Resuming the wait for Cargo run " + saved.runUuid() + " (last seen running)"),
                after.log());
        assertEquals(1, before.stream().filter(l -> l.contains("[success] start")).count());
        assertEquals(0, after.count("[success] start"), "already printed before the restart: " + after.log());
        assertEquals(0, after.count("is running"), after.log());
        assertEquals(1, after.count("[success] enrich"), after.log());
    }

    @Test
    void aRestartBeforeAnythingWasDurableStartsAfreshFromTheOptions() throws Exception {
        RunOptions options = options().build();
        RunWatch resumed = watcher().resume(null, throughSerialization(options), cargo, host);
        RunOutcome outcome = finish(resumed);

        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(1, cargo.calls("create").size());
        assertTrue(host.lines.get(0).contains("nothing was sent, so it is created now"), host.log());
        assertThrows(IllegalArgumentException.class, () -> watcher().resume(null, null, cargo, host));
    }

    @Test
    void aRestartDuringCreateFindsTheRunInsteadOfCreatingAnother() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "success")).holdCreates();
        RunOptions options = options().build();
        watcher().start(options, cargo, host);
        time.advance(Duration.ZERO);
        WatchState savedBeforeSend = throughSerialization(host.saved.get(0));
        assertNull(savedBeforeSend.runUuid(), "saved before the request went out");
        assertTrue(savedBeforeSend.createMayHaveBeenSent());
        // The create reached Cargo, but Jenkins went down before its answer.
        String made = cargo.releaseCreate(options.createRequest());

        RecordingHost after = new RecordingHost();
        RunWatch resumed = watcher().resume(savedBeforeSend, options, cargo, after);
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(made, resumed.outcome().get().runUuid());
        assertEquals(1, cargo.calls("create").size(), "never a second create");
        assertEquals(List.of("find " + WORKFLOW + " " + savedBeforeSend.createAttemptStartedAt()), cargo.calls("find"));
        assertTrue(after.log().contains("Found Cargo run " + made), after.log());
    }

    @Test
    void aRestartDuringACreateThatMadeNoRunEndsAsOutcomeUnknown() throws Exception {
        cargo.holdCreates();
        watcher().start(options().build(), cargo, host);
        time.advance(Duration.ZERO);
        WatchState savedBeforeSend = throughSerialization(host.saved.get(0));

        RunWatch resumed = watcher().resume(savedBeforeSend, options().build(), cargo, new RecordingHost());
        Throwable e = failure(resumed);

        assertInstanceOf(CargoOutcomeUnknownException.class, e);
        assertTrue(e.getMessage().contains("Jenkins restarted before Cargo's answer was saved"), e.getMessage());
        assertEquals(1, cargo.calls("create").size());
    }

    // --- creates Cargo refused for lack of capacity ------------------------------------------------

    @Test
    void aCreateRefusedAtTheConcurrentRunLimitIsSentAgainLater() throws Exception {
        cargo.failCreate(new CargoRejectedException("limit", 400, "concurrencyLimitReached", null))
                .failCreate(rateLimited(Duration.ofSeconds(20)))
                .script(FakeCargo.Script.of("running", "success"));
        Instant started = time.now();

        RunOutcome outcome = finish(start(options()));

        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(3, cargo.calls("create").size());
        assertEquals(1, host.count("Cargo workspace at its concurrent-run limit; retrying in 4 s."), host.log());
        assertEquals(1, host.count("HTTP 429) and made no run; retrying in 20 s."), host.log());
        // 5 s backoff with half of it jittered (3.75 s here), then the 20 s Cargo asked for.
        assertTrue(Duration.between(started, time.now()).compareTo(Duration.ofMillis(23_750)) >= 0);
        // Each attempt is durable before it goes out, with its own start.
        long intents = host.saved.stream().filter(WatchState::createMayHaveBeenSent).count();
        assertEquals(3, intents);
    }

    @Test
    void waitingForCapacityCanBeTurnedOff() {
        cargo.failCreate(new CargoRejectedException("limit", 400, "concurrencyLimitReached", null));
        Throwable e = failure(start(options().waitForCapacity(false)));
        assertEquals("concurrencyLimitReached", ((CargoException) e).reason());
        assertEquals(1, cargo.calls("create").size());
    }

    @Test
    void waitingForCapacityEndsAtTheTimeoutWithoutARun() {
        for (int i = 0; i < 100; i++) {
            cargo.failCreate(new CargoRejectedException("limit", 400, "concurrencyLimitReached", null));
        }
        Instant started = time.now();
        Throwable e = failure(start(options().timeoutMinutes(3)));
        assertTrue(e.getMessage().contains("stayed at its concurrent-run limit for 3 min"), e.getMessage());
        assertTrue(Duration.between(started, time.now()).compareTo(Duration.ofMinutes(3)) <= 0);
        assertTrue(cargo.runs().isEmpty());
    }

    @Test
    void otherRefusalsFailAtOnceWithCargosReason() {
        cargo.failCreate(new CargoRejectedException("Not enough credits.", 400, "notEnoughCredits", null));
        CargoRejectedException e = assertInstanceOf(CargoRejectedException.class, failure(start(options())));
        assertEquals("notEnoughCredits", e.reason());
        assertEquals(1, cargo.calls("create").size());
    }

    @Test
    void anAbortWhileWaitingForCapacityCreatesNothingMore() {
        cargo.failCreate(rateLimited(Duration.ofSeconds(60)));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(10));
        watch.abort();
        time.advance(Duration.ZERO);
        assertThrows(CancellationException.class, () -> watch.outcome().get());
        time.advance(Duration.ofMinutes(5));
        assertEquals(1, cargo.calls("create").size());
    }

    // --- checking data before the create, explaining the end -------------------------------------

    private static CargoRelease releaseWithForm(List<FormField> form) {
        return new CargoRelease("a1b2c3d4-0000-4000-8000-000000000001", WORKFLOW, "3", "deployed", null, null, form);
    }

    private static final List<FormField> FORM = List.of(
            new FormField("Domain", "domain", null, true, "string", List.of(), List.of()),
            new FormField("Employees", "employees", null, false, "number", List.of(), List.of()));

    @Test
    void dataThatDoesNotMatchTheFormFailsBeforeAnyRunIsCreated() {
        cargo.release(CompletableFuture.completedFuture(releaseWithForm(FORM)));
        RunWatch watch = watcher().start(RunOptions.builder(WORKFLOW, Map.of("employees", SECRET_INPUT)).build(), cargo, host);

        CargoRejectedException e = assertInstanceOf(CargoRejectedException.class, failure(watch));

        assertEquals("invalidData", e.reason());
        assertTrue(e.getMessage().startsWith("data does not match the input form of the release 3 ("), e.getMessage());
        assertTrue(e.getMessage().contains("data.domain is missing: \"Domain\" is required, a string."), e.getMessage());
        assertTrue(e.getMessage().contains("data.employees should be a number, but is a string."), e.getMessage());
        assertTrue(e.getMessage().contains("set validateData to false"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET_INPUT));
        assertTrue(cargo.calls("create").isEmpty());
        assertTrue(host.saved.isEmpty(), "nothing was even about to be sent");
    }

    @Test
    void dataThatMatchesTheFormIsSaidSoAndCreated() throws Exception {
        cargo.release(CompletableFuture.completedFuture(releaseWithForm(FORM)));
        RunOutcome outcome = finish(watcher().start(
                RunOptions.builder(WORKFLOW, Map.of("domain", "acme.com")).releaseUuid("a1b2c3d4-0000-4000-8000-000000000001")
                        .build(), cargo, host));
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(List.of("release " + WORKFLOW + " a1b2c3d4-0000-4000-8000-000000000001"), cargo.calls("release"));
        assertEquals(1, host.count("data matches the input form of the release 3"), host.log());
    }

    @Test
    void aFormThatCannotBeReadIsSaidInOneLineAndTheRunIsCreatedAnyway() throws Exception {
        cargo.release(CompletableFuture.failedFuture(
                new CargoAuthenticationException("Cargo refused access (HTTP 403).", 403, null, null)));
        assertEquals(BuildResult.SUCCESS, finish(start(options())).result());
        assertEquals(1, host.count("could not be read, so data is not checked"), host.log());
        assertEquals(1, cargo.calls("create").size());
    }

    @Test
    void aReleaseWithoutAFormIsNotChecked() throws Exception {
        cargo.release(CompletableFuture.completedFuture(releaseWithForm(null)));
        assertEquals(BuildResult.SUCCESS, finish(start(options())).result());
        assertEquals(1, host.count("has no input form; data is not checked"), host.log());
    }

    @Test
    void aWorkflowWithNoDeployedReleaseIsReportedBeforeTheCreate() {
        cargo.release(CompletableFuture.failedFuture(new CargoNotFoundException("Workflow " + WORKFLOW
                + " has no deployed release (HTTP 404), so Cargo cannot run it.", "releaseNotFound", null)));
        CargoException e = assertInstanceOf(CargoException.class, failure(start(options())));
        assertEquals("releaseNotFound", e.reason());
        assertTrue(e.getMessage().contains("has no deployed release"), e.getMessage());
        assertTrue(cargo.calls("create").isEmpty());
    }

    @Test
    void theCheckCanBeTurnedOff() throws Exception {
        cargo.release(CompletableFuture.completedFuture(releaseWithForm(FORM)));
        assertEquals(BuildResult.SUCCESS, finish(start(options().validateData(false))).result());
        assertTrue(cargo.calls("release").isEmpty());
    }

    @Test
    void theFormIsCheckedOnceEvenWhenTheCreateWaitsForCapacity() throws Exception {
        cargo.failCreate(new CargoRejectedException("limit", 400, "concurrencyLimitReached", null));
        finish(start(options()));
        assertEquals(1, cargo.calls("release").size());
        assertEquals(2, cargo.calls("create").size());
    }

    @Test
    void anAbortWhileTheFormIsReadCreatesNothing() {
        cargo.release(new CompletableFuture<>());
        RunWatch watch = start(options());
        time.advance(Duration.ZERO);
        watch.abort();
        time.advance(Duration.ZERO);
        assertThrows(CancellationException.class, () -> watch.outcome().get());
        assertTrue(cargo.calls("create").isEmpty());
    }

    @Test
    void aDegradedTraceIsSaidAndCanMakeTheBuildUnstable() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "success").trace("degraded", 1.5));
        RunOutcome outcome = finish(start(options()));
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals("degraded", outcome.toMap().get("traceStatus"));
        assertTrue(host.log().contains("Cargo's trace of this run is degraded"), host.log());

        assertEquals(BuildResult.UNSTABLE, finish(start(options().unstableOnDegraded(true))).result());
    }

    @Test
    void theCreditsOfChildRunsComeFromTheTrace() throws Exception {
        cargo.script(new FakeCargo.Script()
                .step("success", exec("start", "Start", "success", 0.25, null))
                .trace("success", 2.75));
        RunOutcome outcome = finish(start(options()));
        assertEquals(new BigDecimal("2.75"), outcome.creditsUsed());
        assertEquals(new BigDecimal("2.75"), outcome.toMap().get("creditsUsed"));
        assertTrue(host.log().contains("1 execution, 2.75 credits"), host.log());
    }

    @Test
    void aFailedToolNodeLeadsToTheChildRunThatFailedAndTheIntegrationIsNamed() throws Exception {
        String child = cargo.existingRun("99999999-0000-4000-8000-000000000009", new FakeCargo.Script()
                .step("error", exec("lookup-crm", "Look up CRM", "error", 0.1, "CRM said 500")));
        CargoExecution tool = new CargoExecution("node-verify", "verify-contact", "tool", "Verify contact",
                RunStatus.ERROR, "Child run failed", BigDecimal.ZERO, null, null, null).withNode(null, null, child);
        cargo.script(new FakeCargo.Script().step("error", tool).trace("error", 0.1));

        RunOutcome outcome = finish(start(options()));

        assertTrue(host.log().contains("Failing node: verify-contact (Verify contact): Child run failed"), host.log());
        assertTrue(host.log().contains("It ran child run " + child + ", which failed at node lookup-crm: CRM said 500"),
                host.log());
        @SuppressWarnings("unchecked")
        Map<String, Object> childRun = (Map<String, Object>) ((Map<String, Object>) outcome.toMap().get("failedNode"))
                .get("childRun");
        assertEquals(child, childRun.get("runUuid"));
        assertEquals("lookup-crm", childRun.get("nodeSlug"));
    }

    @Test
    void theIntegrationAFailingConnectorNodeUsedIsNamed() throws Exception {
        CargoExecution connector = new CargoExecution("node-push", "push", "connector", "Push", RunStatus.ERROR,
                "Bad token", BigDecimal.ZERO, null, null, null).withNode("hubspot", "createContact", null);
        cargo.script(new FakeCargo.Script().step("error", connector));
        RunOutcome outcome = finish(start(options()));
        assertTrue(host.log().contains("Failing node: push (Push) through the hubspot integration: Bad token"), host.log());
        assertEquals("hubspot", ((Map<?, ?>) outcome.toMap().get("failedNode")).get("integration"));
    }

    @Test
    void anUnreadableTraceLeavesTheOutcomeAsTheRunSaysIt() throws Exception {
        cargo.script(new FakeCargo.Script().step("success", exec("start", "Start", "success", 0.5, null)));
        RunOutcome outcome = finish(start(options()));
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(new BigDecimal("0.5"), outcome.creditsUsed());
        assertNull(outcome.traceStatus());
    }

    @Test
    void notEnoughCreditsNamesTheCreditsLeftWhenTheTokenMaySeeThem() {
        cargo.failCreate(new CargoRejectedException("The Cargo workspace has not enough credits.", 400,
                "notEnoughCredits", null));
        cargo.credits(new CargoCredits(new BigDecimal("0.25"), new BigDecimal("0.5")));
        Throwable e = failure(start(options()));
        assertTrue(e.getMessage().endsWith("Credits left: 0.75."), e.getMessage());

        cargo.failCreate(new CargoRejectedException("The Cargo workspace has not enough credits.", 400,
                "notEnoughCredits", null));
        cargo.credits(null);
        Throwable hidden = failure(start(options()));
        assertTrue(hidden.getMessage().endsWith("(The credits left are not visible to this API token.)"),
                hidden.getMessage());
    }

    @Test
    void theConcurrentRunLimitIsNamed() throws Exception {
        cargo.failCreate(new CargoRejectedException("limit", 400, "concurrencyLimitReached", null));
        finish(start(options()));
        assertEquals(1, host.count("The Cargo workspace \"Acme\" runs at most 5 runs at once."), host.log());
    }

    // --- faults while waiting -----------------------------------------------------------------------

    @Test
    void passingFaultsWhileWaitingAreRetriedAndReported() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "running", "success"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(1));
        cargo.failGets(unavailable(null), 1).failGets(rateLimited(Duration.ofSeconds(10)), 1);

        RunOutcome outcome = finish(watch);

        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(2, host.count("Could not read Cargo run"), host.log());
        assertEquals(5, cargo.calls("get").size(), "2 faults, and 3 reads that advanced the run");
        assertTrue(host.log().contains("Trying again in 10 s."), host.log());
    }

    @Test
    void aRetryAfterOfZeroDoesNotMakeATightLoop() {
        cargo.script(FakeCargo.Script.of("running"));
        start(options());
        time.advance(Duration.ofSeconds(1));
        cargo.failGets(rateLimited(Duration.ZERO), 50);
        time.advance(Duration.ofSeconds(20));
        assertTrue(cargo.calls("get").size() <= 10, cargo.calls("get").size() + " reads in 20 s");
    }

    @Test
    void theTimeoutHoldsWhileReadsFail() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        Instant started = time.now();
        RunWatch watch = start(options().timeoutMinutes(1).cancelOnTimeout(false));
        time.advance(Duration.ofSeconds(50));
        cargo.failGets(rateLimited(Duration.ofSeconds(500)), 20);

        RunOutcome outcome = finish(watch);

        assertEquals(EndReason.TIMED_OUT, outcome.endReason());
        assertEquals(Duration.ofMinutes(1), Duration.between(started, time.now()));
    }

    @Test
    void timeJenkinsWasDownDoesNotCountAgainstFailingReads() throws Exception {
        cargo.script(FakeCargo.Script.of("running", "running", "success"));
        start(options());
        time.advance(Duration.ofSeconds(6));
        WatchState saved = host.lastSaved();
        saved.pollFailures = 40;
        saved.firstPollFailureAt = time.now().minus(Duration.ofMinutes(9)).toEpochMilli();

        time = new VirtualTime(time.now().plus(Duration.ofMinutes(30)));
        RunWatch resumed = new RunWatcher(time, time.clock(), () -> 0.5).resume(saved, null, cargo, new RecordingHost());
        cargo.failGets(unavailable(null), 1);
        time.runUntilDone(resumed.outcome(), Duration.ofHours(1));

        assertEquals(BuildResult.SUCCESS, resumed.outcome().get().result());
    }

    @Test
    void cargoUnreachableForTooLongEndsTheWaitWithAClearMessage() {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options().timeoutMinutes(0));
        time.advance(Duration.ofSeconds(1));
        cargo.failGets(unavailable(null), 40);
        Throwable e = failure(watch);
        assertTrue(e.getMessage().startsWith("Gave up waiting for Cargo run"), e.getMessage());
        assertTrue(e.getMessage().contains("it could not be read for 9 min"), e.getMessage());
    }

    @Test
    void anAbortDuringALongOutageEndsAbortedNotLost() throws Exception {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options().timeoutMinutes(0));
        time.advance(Duration.ofSeconds(6));
        cargo.failGets(unavailable(null), 500);
        time.advance(Duration.ofMinutes(9));

        watch.abort();
        RunOutcome outcome = finish(watch);

        assertEquals(BuildResult.ABORTED, outcome.result());
        assertEquals(1, cargo.calls("cancel").size());
    }

    @Test
    void aRefusedTokenMidWaitEndsAtOnce() {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options());
        time.advance(Duration.ofSeconds(1));
        cargo.failGets(new CargoAuthenticationException("Cargo refused the API token (HTTP 401).", 401, null, null), 1);
        assertInstanceOf(CargoAuthenticationException.class, failure(watch));
        assertEquals(1, cargo.calls("get").size());
    }

    @Test
    void aVanishedRunEndsTheWaitAtOnce() {
        String uuid = cargo.existingRun(WORKFLOW, FakeCargo.Script.of("running"));
        RunWatch joined = watcher().join(UUID_NOT_KNOWN, WORKFLOW, WaitPolicy.defaults(), cargo, host);
        assertInstanceOf(CargoNotFoundException.class, failure(joined));
        assertEquals(0, time.scheduled(), "nothing left polling");
        assertNotNull(uuid);
    }

    private static final String UUID_NOT_KNOWN = "11111111-2222-4333-8444-555555555555";

    @Test
    void aRefusedCreateEndsWithCargosReason() {
        cargo.failCreate(new CargoRejectedException("Cargo has no workflow.", 404, "workflowNotFound", null));
        CargoRejectedException e = assertInstanceOf(CargoRejectedException.class, failure(start(options())));
        assertEquals("workflowNotFound", e.reason());
    }

    // --- join, no wait, the log --------------------------------------------------------------------

    @Test
    void aRunStartedEarlierCanBeJoinedAndFollowed() throws Exception {
        String uuid = cargo.existingRun(WORKFLOW, FakeCargo.Script.of("running", "success"));
        RunWatch joined = watcher().join(uuid, WORKFLOW, WaitPolicy.defaults(), cargo, host);
        RunOutcome outcome = finish(joined);

        assertEquals(uuid, outcome.runUuid());
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertTrue(cargo.calls("create").isEmpty());
        assertEquals("Waiting for Cargo run " + uuid + ".", host.lines.get(0));
    }

    @Test
    void joinRefusesSomethingThatIsNotARunUuid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> watcher().join("run-42", null, WaitPolicy.defaults(), cargo, host));
        assertTrue(e.getMessage().startsWith("runUuid 'run-42' is not a UUID"), e.getMessage());
    }

    @Test
    void withoutWaitingTheOutcomeComesRightAfterTheCreate() throws Exception {
        RunWatch watch = start(options().waitForRun(false));
        time.advance(Duration.ZERO);
        assertTrue(watch.outcome().isDone());
        RunOutcome outcome = watch.outcome().get();
        assertEquals(EndReason.NOT_WAITED, outcome.endReason());
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals("pending", outcome.status());
        assertTrue(cargo.calls("get").isEmpty());
        assertTrue(host.log().contains("Not waiting for it to finish."), host.log());
    }

    @Test
    void aNodeThatRunsMoreThanOnceIsReportedEachTime() throws Exception {
        cargo.script(new FakeCargo.Script()
                .step("running", exec("loop", "Item 1", "success", 0, null))
                .step("success", exec("loop", "Item 1", "success", 0, null), exec("loop", "Item 2", "success", 0, null)));
        finish(start(options()));
        assertEquals(1, host.count("[success] loop (Item 1)"), host.log());
        assertEquals(1, host.count("[success] loop (Item 2)"), host.log());
    }

    @Test
    void executionsAreRememberedByNodeAndPassNotByPosition() throws Exception {
        CargoExecution first = new CargoExecution("n-loop", "loop", "native", "Item 1", RunStatus.SUCCESS, null,
                BigDecimal.ZERO, null, null, 0);
        CargoExecution second = new CargoExecution("n-loop", "loop", "native", "Item 2", RunStatus.SUCCESS, null,
                BigDecimal.ZERO, null, null, 1);
        CargoExecution other = exec("other", "Other", "success", 0, null);
        // Cargo lists the executions in another order on the second read: nothing is printed twice.
        cargo.script(new FakeCargo.Script()
                .step("running", first, other)
                .step("running", other, second, first)
                .step("success", second, first, other));
        finish(start(options()));
        assertEquals(1, host.count("[success] loop (Item 1)"), host.log());
        assertEquals(1, host.count("[success] loop (Item 2)"), host.log());
        assertEquals(1, host.count("[success] other (Other)"), host.log());
        assertEquals(3, host.lastSaved().reportedExecutions.size());
    }

    @Test
    void theExecutionsRememberedAreBounded() throws Exception {
        CargoExecution[] many = new CargoExecution[WatchState.MAX_REPORTED_EXECUTIONS + 50];
        for (int i = 0; i < many.length; i++) {
            many[i] = new CargoExecution("n-loop", "loop", "native", "Item", RunStatus.SUCCESS, null, BigDecimal.ZERO,
                    null, null, i);
        }
        cargo.script(new FakeCargo.Script().step("running", many).step("success", many));
        finish(start(options()));
        assertEquals(WatchState.MAX_REPORTED_EXECUTIONS, host.lastSaved().reportedExecutions.size());
        assertEquals(1, host.count("executions listed; further ones are not printed"), host.log());
    }

    @Test
    void theLogOfAFullRunHasTheUuidAndNeverTheData() throws Exception {
        cargo.script(FakeCargo.Script.of("pending")
                .step("running", exec("start", "Start", "success", 0, null))
                .step("error", exec("start", "Start", "success", 0, null), exec("score", "Score", "error", 0, "bad input"))
                .errorMessage("Node score failed")
                .output(Map.of("start", Map.of("customer", SECRET_INPUT))));

        RunOutcome outcome = finish(start(options()));

        String log = host.log();
        assertTrue(log.contains(outcome.runUuid()), log);
        assertFalse(log.contains(SECRET_INPUT), log);
        assertFalse(host.saved.stream().anyMatch(state -> state.toString().contains(SECRET_INPUT)));
    }

    @Test
    void aRunThatStaysPendingGetsOneHint() throws Exception {
        cargo.script(FakeCargo.Script.of("pending"));
        finish(start(options().timeoutMinutes(5).cancelOnTimeout(false)));
        assertEquals(1, host.count("A run that does not start usually means the tool is disabled or has no deployed release"),
                host.log());
    }

    @Test
    void pollsSpaceOutAfterTheFirstMinutes() {
        cargo.script(FakeCargo.Script.of("running"));
        start(options().timeoutMinutes(0));
        time.advance(Duration.ofMinutes(2));
        int early = cargo.calls("get").size();
        time.advance(Duration.ofMinutes(10));
        int late = cargo.calls("get").size() - early;
        // 2 min at 4.5 s (5 s less jitter) is about 26 polls; 10 min at up to 30 s is about 22.
        assertTrue(early >= 24 && early <= 28, "early polls: " + early);
        assertTrue(late >= 18 && late <= 26, "late polls: " + late);
    }

    @Test
    void theStatusForThreadDumpsSaysWhatTheWatchWaitsFor() {
        cargo.script(FakeCargo.Script.of("running"));
        RunWatch watch = start(options());
        assertEquals("creating a Cargo run of workflow " + WORKFLOW, watch.describe());
        time.advance(Duration.ofSeconds(6));
        assertEquals("waiting for Cargo run " + watch.runUuid() + ": running", watch.describe());
    }
}
