package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoPort;
import io.jenkins.plugins.cargo.api.CargoRejectedException;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.CargoTransientException;
import io.jenkins.plugins.cargo.api.ClientListener;
import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.FormCheck;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import io.jenkins.plugins.cargo.api.RunStatus;
import io.jenkins.plugins.cargo.api.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run being created and followed to its end: a serial state machine.
 *
 * <p>Every input — a timer, an HTTP answer, an abort, a finished save, the host stopping — is an event,
 * and a watch handles its events one at a time ({@link SerialExecutor}), so no two handlers ever race and
 * the watch holds no lock. HTTP goes through an asynchronous {@link CargoPort}; timers through the shared
 * {@link Scheduler}; no thread sleeps or blocks, so thousands of waits share a few threads.
 *
 * <p>The outcome arrives once through {@link #outcome()}: a {@link RunOutcome} when the run ended, timed
 * out or was aborted, or an exception when it cannot be followed (a refused token, a vanished run, a
 * refused create, a create whose outcome is unknown, Cargo unreachable for too long; a
 * {@link CancellationException} when the build was aborted before any run was created). When the host
 * stops (the controller shuts down), the watch goes quiet without completing it, to be resumed from its
 * last saved state.
 */
public final class RunWatch {
    private static final Logger LOGGER = Logger.getLogger(RunWatch.class.getName());

    /**
     * How long to keep looking after asking Cargo to cancel, for the run to reach cancelled. Below the
     * 60 s an enclosing {@code timeout} step gives its body, so the build ends ABORTED by the watch itself.
     */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(20);
    /** The longest the trace and child-run reads may hold back an outcome that is already known. */
    static final Duration EXPLAIN_LIMIT = Duration.ofSeconds(10);
    /** How often to look while a cancel is under way. */
    static final Duration CANCEL_POLL = Duration.ofSeconds(2);
    /** Reads that fail in a way that may pass are tried again for up to 10 minutes before the wait gives up. */
    static final RetryPolicy POLL_RETRIES =
            RetryPolicy.of(Integer.MAX_VALUE, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(10));
    /** How long to wait before creating again when the workspace is at its concurrent-run limit. */
    static final RetryPolicy CAPACITY_RETRIES =
            RetryPolicy.of(Integer.MAX_VALUE, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofDays(365));

    private enum Phase {
        /** Created, the first event not handled yet. */
        NEW,
        /** Reading the release's input form, to check the data before anything is created. */
        CHECKING_DATA,
        /** Waiting for the save that records the coming create to be durable. */
        SAVING_INTENT,
        /** The create (or the look-up of a create lost in a restart) is under way. */
        CREATING,
        /** Cargo had no capacity; a timer starts the next create attempt. */
        WAITING_FOR_CAPACITY,
        /** The run is known: a timer or a read is pending. */
        FOLLOWING,
        /** The run has finished: reading its trace, and the child run its failing node started. */
        EXPLAINING,
        /** The outcome is complete. */
        ENDED,
        /** The host is stopping; nothing more happens, the outcome stays open. */
        STOPPED
    }

    private final CargoPort cargo;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final WatchHost host;
    /** What to create, or null when the watch only follows (a join, or a resume past the create). */
    private final CreateRunRequest createRequest;
    /** Whether the data still has to be checked against the release's form before the create. */
    private boolean checkData;
    private final WatchState state;
    private final SerialExecutor events;
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    /** For thread dumps: written by the events, read from any thread. */
    private volatile String status;
    private volatile String runUuid;

    // Touched only by the events, one at a time.
    private Phase phase = Phase.NEW;
    private Scheduler.Task timer;
    private CompletableFuture<CargoRun> read;
    private CompletableFuture<Void> cancelCall;
    private CargoRun lastRun;
    private int capacityRefusals;
    private RunExplanation explanation = RunExplanation.NONE;
    /** The finished run being explained. */
    private CargoRun explaining;
    private final Saves saves = new Saves();

    RunWatch(CargoPort cargo, Scheduler scheduler, Clock clock, DoubleSupplier random, WatchHost host,
            CreateRunRequest createRequest, boolean checkData, WatchState state) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.host = host;
        this.createRequest = createRequest;
        this.checkData = checkData && createRequest != null;
        this.state = state;
        this.runUuid = state.runUuid;
        this.events = new SerialExecutor(scheduler, this::brokenHandler);
        this.cargo = cargo.withListener(new ClientListener() {
            // The client's retries happen on its own threads; their lines join the watch's events.
            @Override
            public void retrying(String what, CargoException failure, int failedAttempts, Duration delay) {
                events.execute(() -> log("Trying again in " + ProgressReporter.duration(delay.plusMillis(999))
                        + " after a failure while " + what + ": " + failure.getMessage()));
            }

            @Override
            public void foundLostRun(CargoRun run, CargoException lost) {
                events.execute(() -> log("The answer to the create request was lost (" + lost.getMessage()
                        + "); found run " + run.uuid() + " among the workflow's runs instead of creating another."));
            }
        });
        this.status = describeState();
    }

    /** Completes once, with the outcome or with the reason the run could not be followed. */
    public CompletableFuture<RunOutcome> outcome() {
        return outcome;
    }

    /** The run's uuid, or null while it is being created. Safe from any thread. */
    public String runUuid() {
        return runUuid;
    }

    /** A short description for thread dumps and the Pipeline step's status; only reads a field. */
    public String describe() {
        return status;
    }

    /**
     * The build was aborted: cancel the run (once it exists), keep looking until it is cancelled or
     * {@link #CANCEL_GRACE} passes, then end as ABORTED. Before anything was sent, end at once and create
     * nothing. Returns at once; calling it again changes nothing.
     */
    public void abort() {
        events.execute(this::onAbort);
    }

    /**
     * The host is stopping (the controller shuts down): stop timers and reads, and leave the outcome
     * open. The last saved state resumes the wait after the restart. The returned future completes once
     * the watch has stopped (or at once, if the scheduler already refuses work).
     */
    public CompletableFuture<Void> stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        events.execute(() -> {
            onStop();
            stopped.complete(null);
        });
        if (events.refusing()) {
            stopped.complete(null);
        }
        return stopped;
    }

    void begin() {
        events.execute(this::onBegin);
    }

    // --- events ----------------------------------------------------------------------------------

    private void onBegin() {
        if (phase != Phase.NEW) {
            return;
        }
        if (state.runUuid != null) {
            phase = Phase.FOLLOWING;
            if (!state.waitForRun && state.cancelReason == WatchState.CancelReason.NONE) {
                // Resumed between saving the new run and ending "not waited": end it as it would have.
                finish(lastSeenRun(), EndReason.NOT_WAITED);
                return;
            }
            if (state.cancelPending()) {
                sendCancel();
            }
            readNow();
        } else if (state.createAttemptStartedAt != 0) {
            findCreatedRun();
        } else {
            beginCreateAttempt();
        }
    }

    private void beginCreateAttempt() {
        timer = null;
        if (state.cancelReason != WatchState.CancelReason.NONE) {
            endAbortedBeforeCreate();
            return;
        }
        if (checkData) {
            readForm();
            return;
        }
        phase = Phase.SAVING_INTENT;
        state.createAttemptStartedAt = clock.millis();
        setStatus();
        // Durable before the request goes out: after a crash this is how the run is found, not re-created.
        saves.save(this::sendCreate, this::intentNotSaved);
    }

    /** Reads the form of the release the create would run, so bad data costs no run. */
    private void readForm() {
        phase = Phase.CHECKING_DATA;
        setStatus();
        guardDeadline();
        CompletableFuture<CargoRelease> reading = cargo.releaseToRun(state.workflowUuid, state.releaseUuid);
        reading.whenComplete((release, error) -> events.execute(() -> onForm(release, error)));
    }

    private void onForm(CargoRelease release, Throwable error) {
        if (phase != Phase.CHECKING_DATA) {
            return;
        }
        cancelTimer();
        checkData = false;
        if (error != null) {
            Throwable failure = unwrap(error);
            if (failure instanceof CargoException e && "releaseNotFound".equals(e.reason())) {
                // Cargo would refuse the create (nodesNotFound): say why before spending a request on it.
                fail(new CargoRejectedException(e.getMessage(), e.httpStatus(), e.reason(), e.errorMessage()));
                return;
            }
            // The check never blocks a run Cargo itself would accept.
            log("The input form of the release to run could not be read, so data is not checked before the run is"
                    + " created: " + failure.getMessage());
        } else if (release.formFields() == null) {
            log("The " + release.describe() + " of workflow " + state.workflowUuid + " has no input form; data is not"
                    + " checked.");
        } else {
            List<String> problems = FormCheck.problems(createRequest.data(), Objects.requireNonNull(release.formFields()));
            if (!problems.isEmpty()) {
                fail(new CargoRejectedException("data does not match the input form of the " + release.describe()
                        + " of workflow " + state.workflowUuid + ", so no run was created:\n  "
                        + String.join("\n  ", problems) + "\nFix data, or set validateData to false to leave the check"
                        + " to Cargo.", 0, "invalidData", null));
                return;
            }
            log("data matches the input form of the " + release.describe() + ".");
        }
        beginCreateAttempt();
    }

    private void sendCreate() {
        if (phase != Phase.SAVING_INTENT) {
            return;
        }
        phase = Phase.CREATING;
        setStatus();
        guardDeadline();
        CompletableFuture<CargoRun> create = cargo.createRun(createRequest);
        create.whenComplete((run, error) -> events.execute(() -> onCreateAnswer(run, error)));
    }

    private void intentNotSaved(Throwable error) {
        if (phase != Phase.SAVING_INTENT) {
            return;
        }
        fail(new CargoException("The state of the wait could not be saved before creating the Cargo run, so no run"
                + " was created (" + error.getMessage() + "). Check the controller's disk, then run the build again.",
                0, null, null, error));
    }

    private void findCreatedRun() {
        phase = Phase.CREATING;
        setStatus();
        CompletableFuture<CargoRun> found = cargo.findCreatedRun(state.workflowUuid, state.releaseUuid,
                Instant.ofEpochMilli(state.createAttemptStartedAt),
                "Jenkins restarted before Cargo's answer was saved");
        found.whenComplete((run, error) -> events.execute(() -> onFoundCreatedRun(run, error)));
    }

    private void onFoundCreatedRun(CargoRun run, Throwable error) {
        if (phase == Phase.ENDED && run != null && state.cancelReason != WatchState.CancelReason.NONE) {
            cancelLateRun(run);
            return;
        }
        if (phase != Phase.CREATING) {
            return;
        }
        if (error != null) {
            fail(unwrap(error));
            return;
        }
        started(run, "Found Cargo run " + run.uuid() + ", created just before Jenkins restarted; status "
                + run.status() + ".");
    }

    private void onCreateAnswer(CargoRun run, Throwable error) {
        if (phase == Phase.ENDED && run != null && state.cancelReason != WatchState.CancelReason.NONE) {
            cancelLateRun(run);
            return;
        }
        if (phase != Phase.CREATING) {
            return;
        }
        if (error == null) {
            started(run, ProgressReporter.created(run, state.waitForRun));
            return;
        }
        Throwable failure = unwrap(error);
        if (failure instanceof CargoException e && madeNoRunForLackOfCapacity(e)) {
            noCapacity(e);
        } else if (failure instanceof CargoException e && "notEnoughCredits".equals(e.reason())) {
            noCredits(e);
        } else {
            fail(failure);
        }
    }

    /** A bare 429 or {@code concurrencyLimitReached}: Cargo made no run, so sending the create again is safe. */
    private static boolean madeNoRunForLackOfCapacity(CargoException e) {
        return (e instanceof CargoTransientException && e.httpStatus() == 429 && e.reason() == null)
                || (e instanceof CargoRejectedException && "concurrencyLimitReached".equals(e.reason()));
    }

    private void noCapacity(CargoException e) {
        if (state.cancelReason != WatchState.CancelReason.NONE) {
            endAbortedBeforeCreate();
            return;
        }
        if (!state.policy.waitForCapacity()) {
            fail(e);
            return;
        }
        capacityRefusals++;
        if (capacityRefusals == 1) {
            tellWorkspaceLimit();
        }
        Duration delay = CAPACITY_RETRIES.withRandom(random).delayFor(capacityRefusals, e);
        long now = clock.millis();
        if (state.deadline != 0 && now + delay.toMillis() >= state.deadline) {
            fail(new CargoException("The Cargo workspace stayed at its concurrent-run limit for "
                    + ProgressReporter.duration(state.policy.timeout()) + " (timeoutMinutes), so no run was created."
                    + " Start fewer Cargo runs at once, or raise timeoutMinutes.", e.httpStatus(), e.reason(),
                    e.errorMessage(), e));
            return;
        }
        // Nothing was made: the next attempt records a start of its own.
        state.createAttemptStartedAt = 0;
        phase = Phase.WAITING_FOR_CAPACITY;
        setStatus();
        log((e.httpStatus() == 429 && e.reason() == null
                        ? "Cargo is limiting the rate of requests (HTTP 429) and made no run"
                        : "Cargo workspace at its concurrent-run limit")
                + "; retrying in " + ProgressReporter.duration(delay.plusMillis(999)) + ".");
        saves.save(null, null);
        setTimer(delay, this::beginCreateAttempt);
    }

    /**
     * While Cargo is asked something before the run is known (its form, the create), the timeout still
     * holds: the answer may be slow, or stuck in the queue of requests.
     */
    private void guardDeadline() {
        if (state.deadline != 0) {
            setTimer(Duration.ofMillis(Math.max(0, state.deadline - clock.millis())), this::deadlineBeforeRun);
        }
    }

    private void deadlineBeforeRun() {
        if (phase == Phase.CHECKING_DATA) {
            fail(new CargoException("The input form of the release to run could not be read within "
                    + ProgressReporter.duration(state.policy.timeout()) + " (timeoutMinutes), so no run was created.",
                    0, null, null));
        } else if (phase == Phase.CREATING && state.cancelReason == WatchState.CancelReason.NONE) {
            state.cancelReason = WatchState.CancelReason.TIMEOUT;
            state.cancelRequestedAt = clock.millis();
            log("The Cargo run of workflow " + state.workflowUuid + " was not created within "
                    + ProgressReporter.duration(state.policy.timeout()) + " (timeoutMinutes); if Cargo creates it, it"
                    + " is cancelled.");
            setStatus();
            saves.save(null, null);
            setTimer(CANCEL_GRACE, this::createGraceOver);
        }
    }

    /**
     * The build was aborted, or timed out, while the create was under way, and Cargo has not answered
     * within the grace: the wait ends now, and a run Cargo still creates is cancelled when its answer comes.
     */
    private void createGraceOver() {
        if (phase != Phase.CREATING) {
            return;
        }
        String look = " If Cargo creates it, it is cancelled as soon as its answer arrives; the runs of workflow "
                + state.workflowUuid + " created since " + Instant.ofEpochMilli(state.createAttemptStartedAt)
                + " show whether it was.";
        if (state.cancelReason == WatchState.CancelReason.ABORT) {
            fail(new CancellationException("Aborted while the Cargo run was being created." + look));
        } else {
            fail(new CargoException("The Cargo run was not created within "
                    + ProgressReporter.duration(state.policy.timeout()) + " (timeoutMinutes)." + look, 0, null, null));
        }
    }

    /** A run whose create answered after the wait ended for an abort or a timeout: it must not go on. */
    private void cancelLateRun(CargoRun run) {
        state.runUuid = run.uuid();
        runUuid = run.uuid();
        if (state.workflowUuid == null) {
            state.workflowUuid = run.workflowUuid();
        }
        log("Cargo run " + run.uuid() + " was created after the wait had ended; asking Cargo to cancel it.");
        saves.save(null, null);
        sendCancel();
    }

    /** Names the workspace's limit in the log, once, when the token may read it. */
    private void tellWorkspaceLimit() {
        cargo.getWorkspace().whenComplete((workspace, error) -> {
            if (workspace != null) {
                events.execute(() -> log("The Cargo workspace \"" + workspace.name() + "\" runs at most "
                        + workspace.maxConcurrentRuns() + " runs at once."));
            }
        });
    }

    /** Fails a create refused for lack of credits, naming the credits left when the token may see them. */
    private void noCredits(CargoException e) {
        cargo.getCredits().whenComplete((credits, error) -> events.execute(() -> {
            if (phase != Phase.CREATING) {
                return;
            }
            String left;
            if (credits != null) {
                left = " Credits left: " + ProgressReporter.credits(credits.available()) + ".";
            } else if (unwrap(error) instanceof CargoException denied && denied.httpStatus() == 403) {
                left = " (The credits left are not visible to this API token.)";
            } else {
                left = "";
            }
            fail(new CargoRejectedException(e.getMessage() + left, e.httpStatus(), e.reason(), e.errorMessage(), e));
        }));
    }

    /** The run exists: say so first thing, save its uuid, then follow it (or end, when not waiting). */
    private void started(CargoRun run, String line) {
        state.runUuid = run.uuid();
        runUuid = run.uuid();
        state.lastStatus = run.status().value();
        if (state.workflowUuid == null) {
            state.workflowUuid = run.workflowUuid();
        }
        lastRun = run;
        phase = Phase.FOLLOWING;
        setStatus();
        log(line);
        saves.save(null, null);
        if (state.cancelReason != WatchState.CancelReason.NONE) {
            // Aborted while the create was under way: the run is cancelled now that it exists.
            sendCancel();
            setTimer(CANCEL_POLL, this::readNow);
        } else if (!state.waitForRun) {
            finish(run, EndReason.NOT_WAITED);
        } else {
            setTimer(nextPoll(), this::readNow);
        }
    }

    private void readNow() {
        timer = null;
        CompletableFuture<CargoRun> reading = cargo.getRun(state.runUuid);
        read = reading;
        reading.whenComplete((run, error) -> events.execute(() -> onReadAnswer(reading, run, error)));
    }

    private void onReadAnswer(CompletableFuture<CargoRun> reading, CargoRun run, Throwable error) {
        if (reading != read || phase != Phase.FOLLOWING) {
            return;
        }
        read = null;
        if (error == null) {
            onRun(run);
            return;
        }
        Throwable failure = unwrap(error);
        if (failure instanceof CargoTransientException e) {
            readFailed(e);
        } else {
            fail(failure);
        }
    }

    private void onRun(CargoRun run) {
        lastRun = run;
        boolean changed = state.pollFailures > 0 || state.workflowUuid == null;
        state.pollFailures = 0;
        state.firstPollFailureAt = 0;
        if (state.workflowUuid == null) {
            state.workflowUuid = run.workflowUuid();
        }
        String statusBefore = state.lastStatus;
        int reportedBefore = state.reportedExecutions.size();
        boolean warnedBefore = state.pendingWarned;
        List<String> lines = ProgressReporter.progress(state, run, waited());
        changed |= !run.status().value().equals(statusBefore)
                || state.reportedExecutions.size() != reportedBefore
                || state.pendingWarned != warnedBefore;
        lines.forEach(this::log);
        setStatus();
        if (changed) {
            saves.save(null, null);
        }
        if (run.isTerminal()) {
            EndReason end = endReasonOfCancel(EndReason.FINISHED);
            if (end == EndReason.FINISHED && run.traceUuid() != null) {
                explain(run);
            } else {
                finish(run, end);
            }
            return;
        }
        if (state.cancelPending()) {
            // A joined run's workflow is learnt from its first read; the abort's cancel goes out now.
            sendCancel();
        }
        afterUnfinished(null, null);
    }

    /** Reads the finished run's trace, then the child run its failing node started; one level deep. */
    private void explain(CargoRun run) {
        phase = Phase.EXPLAINING;
        explaining = run;
        // The outcome is known: the explanation may hold it back only briefly.
        setTimer(EXPLAIN_LIMIT, () -> finish(run, EndReason.FINISHED));
        cargo.getTrace(run.traceUuid()).whenComplete((trace, error) -> events.execute(() -> {
            if (phase != Phase.EXPLAINING) {
                return;
            }
            if (trace != null) {
                explanation = explanation.withTrace(trace);
            } else {
                LOGGER.log(Level.FINE, "No trace for run " + run.uuid(), error);
            }
            String child = run.firstFailedExecution().map(CargoExecution::nodeRunUuid).orElse(null);
            if (child == null) {
                finish(run, EndReason.FINISHED);
                return;
            }
            cargo.getRun(child).whenComplete((childRun, childError) -> events.execute(() -> {
                if (phase == Phase.EXPLAINING) {
                    explanation = explanation.withChild(child, childRun);
                    finish(run, EndReason.FINISHED);
                }
            }));
        }));
    }

    private void readFailed(CargoTransientException e) {
        long now = clock.millis();
        state.pollFailures++;
        if (state.firstPollFailureAt == 0) {
            state.firstPollFailureAt = now;
        }
        Duration failingFor = Duration.ofMillis(now - state.firstPollFailureAt);
        Duration retry = POLL_RETRIES.nextDelay(state.pollFailures, e, failingFor).orElse(null);
        boolean endingAnyway = state.cancelReason != WatchState.CancelReason.NONE
                || (state.deadline != 0 && now >= state.deadline);
        if (retry == null && endingAnyway) {
            // A cancel under way or a passed deadline ends the wait by its own bound; keep trying till then.
            retry = CANCEL_POLL;
        }
        if (retry == null) {
            fail(new CargoException("Gave up waiting for Cargo run " + state.runUuid + ": it could not be read for "
                    + ProgressReporter.duration(failingFor) + ". The run may still be going on; check it in Cargo."
                    + " Last error: " + e.getMessage(), e.httpStatus(), e.reason(), e.errorMessage(), e));
            return;
        }
        afterUnfinished(retry, e);
    }

    /**
     * After a look at an unfinished run, or a failed look: ends the wait at the timeout or at the end of
     * the cancel grace, asks for the cancel at the timeout, or sets the timer for the next look (the
     * retry delay after a failed look), never past the deadline or the end of the grace.
     */
    private void afterUnfinished(Duration retry, CargoTransientException failure) {
        long now = clock.millis();
        long delayBefore = state.nextDelayMillis;
        List<String> lines = new ArrayList<>();
        EndReason end = null;
        Duration next = null;
        if (state.cancelReason != WatchState.CancelReason.NONE) {
            long graceLeft = state.cancelRequestedAt + CANCEL_GRACE.toMillis() - now;
            if (graceLeft <= 0) {
                end = endReasonOfCancel(null);
                lines.add("Cargo run " + state.runUuid + " did not reach cancelled within "
                        + ProgressReporter.duration(CANCEL_GRACE) + " of the cancel request; no longer waiting.");
            } else {
                Duration look = retry != null ? retry : min(CANCEL_POLL, state.policy.pollInterval());
                next = min(look, Duration.ofMillis(graceLeft));
            }
        } else if (state.deadline != 0 && now >= state.deadline) {
            if (state.policy.cancelOnTimeout()) {
                lines.add(requestCancel(WatchState.CancelReason.TIMEOUT));
                next = CANCEL_POLL;
            } else {
                end = EndReason.TIMED_OUT;
                lines.add("Gave up waiting for Cargo run " + state.runUuid + " after "
                        + ProgressReporter.duration(state.policy.timeout())
                        + " (timeoutMinutes); the run is left running, as cancelOnTimeout is off.");
            }
        } else {
            next = retry != null ? untilDeadline(retry) : nextPoll();
        }
        if (failure != null) {
            lines.add(0, "Could not read Cargo run " + state.runUuid + ": " + failure.getMessage()
                    + (next == null || next.isZero() ? "" : " Trying again in "
                            + ProgressReporter.duration(next.plusMillis(999)) + "."));
        }
        lines.forEach(this::log);
        setStatus();
        // The interval grows in the long-run phase; a resumed wait goes on at the grown interval.
        if (state.nextDelayMillis != delayBefore || state.cancelReason == WatchState.CancelReason.TIMEOUT) {
            saves.save(null, null);
        }
        if (state.cancelPending()) {
            sendCancel();
        }
        if (end != null) {
            finish(lastSeenRun(), end);
        } else {
            setTimer(next, this::readNow);
        }
    }

    private void onAbort() {
        switch (phase) {
            case NEW, CHECKING_DATA, WAITING_FOR_CAPACITY -> endAbortedBeforeCreate();
            case SAVING_INTENT -> {
                // The intent may be durable already; nothing was sent, and the saved state must say so.
                state.createAttemptStartedAt = 0;
                saves.save(null, null);
                endAbortedBeforeCreate();
            }
            case CREATING -> {
                if (state.cancelReason != WatchState.CancelReason.ABORT) {
                    boolean timingOut = state.cancelReason == WatchState.CancelReason.TIMEOUT;
                    log(requestCancel(WatchState.CancelReason.ABORT));
                    setStatus();
                    saves.save(null, null);
                    if (!timingOut) {
                        // The create is not called off once sent; the wait for its answer is bounded instead.
                        setTimer(CANCEL_GRACE, this::createGraceOver);
                    }
                }
            }
            case EXPLAINING -> finish(explaining, EndReason.FINISHED);
            case FOLLOWING -> abortFollowedRun();
            default -> {
                // Ended or stopped: nothing left to abort.
            }
        }
    }

    private void abortFollowedRun() {
        if (state.cancelReason == WatchState.CancelReason.ABORT) {
            return;
        }
        if (state.cancelReason == WatchState.CancelReason.TIMEOUT) {
            // Already being cancelled for the timeout: nothing more to send, but the build was aborted.
            state.cancelReason = WatchState.CancelReason.ABORT;
            log("The build was aborted while Cargo run " + state.runUuid + " was being cancelled.");
            saves.save(null, null);
            return;
        }
        log(requestCancel(WatchState.CancelReason.ABORT));
        setStatus();
        saves.save(null, null);
        // Acted on at once: the read under way and the next look are called off, the cancel goes out now.
        if (read != null) {
            read.cancel(true);
            read = null;
        }
        sendCancel();
        setTimer(state.workflowUuid == null ? Duration.ZERO : CANCEL_POLL, this::readNow);
    }

    private void onStop() {
        if (phase == Phase.ENDED || phase == Phase.STOPPED) {
            return;
        }
        boolean createNotSent = phase == Phase.SAVING_INTENT;
        phase = Phase.STOPPED;
        cancelTimerAndRead();
        status = "stopped for a restart; " + status;
        if (createNotSent) {
            // The intent may be durable already, but the create never went out: say so, so the resumed
            // wait starts afresh instead of looking for a run that does not exist.
            state.createAttemptStartedAt = 0;
            saves.save(null, null);
        }
    }

    private void brokenHandler(Throwable broken) {
        LOGGER.log(Level.WARNING, "A Cargo run watch failed", broken);
        if (phase != Phase.ENDED && phase != Phase.STOPPED) {
            // A broken handler must still end the wait, or the build would hang.
            fail(broken);
        }
    }

    // --- actions ---------------------------------------------------------------------------------

    private String requestCancel(WatchState.CancelReason reason) {
        state.cancelReason = reason;
        state.cancelRequestedAt = clock.millis();
        String run = state.runUuid == null ? "the Cargo run once it is created" : "Cargo run " + state.runUuid;
        return reason == WatchState.CancelReason.TIMEOUT
                ? "Cargo run " + state.runUuid + " did not finish within " + ProgressReporter.duration(state.policy.timeout())
                        + " (timeoutMinutes); cancelling it."
                : "The build was aborted; cancelling " + run + ".";
    }

    /** Sends the cancel once the run and its workflow are known, unless it is on its way or went out. */
    private void sendCancel() {
        if (cancelCall != null || state.cancelSent || state.runUuid == null || state.workflowUuid == null) {
            return;
        }
        String uuid = state.runUuid;
        CompletableFuture<Void> cancelling = cargo.cancelRun(state.workflowUuid, uuid);
        cancelCall = cancelling;
        cancelling.whenComplete((ignored, error) -> events.execute(() -> onCancelAnswer(cancelling, uuid, error)));
    }

    private void onCancelAnswer(CompletableFuture<Void> cancelling, String uuid, Throwable error) {
        if (cancelling != cancelCall) {
            return;
        }
        cancelCall = null;
        if (phase == Phase.STOPPED) {
            // Not recorded as sent: the cancel goes out again after the restart, which is harmless.
            return;
        }
        // Marked sent only now: a state saved while the request was on its way makes a resumed wait send
        // it again, which is harmless; one that claimed it sent would leave the run going.
        state.cancelSent = true;
        saves.save(null, null);
        if (phase == Phase.ENDED) {
            return;
        }
        if (error == null) {
            log("Asked Cargo to cancel run " + uuid + "; waiting for it to stop.");
        } else {
            // The run may have just ended; the next look tells.
            log("Cargo did not take the cancel request for run " + uuid + ": " + unwrap(error).getMessage());
        }
    }

    private void setTimer(Duration delay, Runnable then) {
        if (timer != null) {
            timer.cancel();
        }
        Scheduler.Task[] self = new Scheduler.Task[1];
        try {
            self[0] = scheduler.schedule(() -> events.execute(() -> {
                // A timer called off after it fired still arrives here: only the current one counts.
                if (timer == self[0] && timer != null) {
                    then.run();
                }
            }), delay);
            timer = self[0];
        } catch (RejectedExecutionException shuttingDown) {
            // The controller is going down: this is a stop, not a failure. The saved state resumes it.
            onStop();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void cancelTimerAndRead() {
        cancelTimer();
        if (read != null) {
            read.cancel(true);
            read = null;
        }
    }

    /** Ends the watch with an outcome, once. */
    private void finish(CargoRun run, EndReason reason) {
        phase = Phase.ENDED;
        cancelTimerAndRead();
        RunOutcome result;
        try {
            result = RunOutcome.of(run, reason, state.policy, explanation);
        } catch (RuntimeException | Error e) {
            outcome.completeExceptionally(e);
            throw e;
        }
        setStatus();
        try {
            ProgressReporter.summary(result, run).forEach(this::log);
        } finally {
            // The build must learn the outcome even if the summary cannot be written.
            outcome.complete(result);
        }
    }

    /** Ends the watch without an outcome: the run cannot be followed. */
    private void fail(Throwable failure) {
        phase = Phase.ENDED;
        cancelTimerAndRead();
        status = "ended: " + failure.getClass().getSimpleName();
        outcome.completeExceptionally(failure);
    }

    private void endAbortedBeforeCreate() {
        fail(new CancellationException("Aborted before the Cargo run was created; no run was created."));
    }

    /** Writes to the host's log; a failing log must not keep the outcome from the build. */
    private void log(String line) {
        try {
            host.log(line);
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not write to the build log", e);
        }
    }

    // --- derived values --------------------------------------------------------------------------

    private EndReason endReasonOfCancel(EndReason otherwise) {
        return switch (state.cancelReason) {
            case ABORT -> EndReason.ABORTED;
            case TIMEOUT -> EndReason.TIMED_OUT;
            default -> otherwise;
        };
    }

    /** The run as last read; after a restart, before the first read, what the saved state knows. */
    private CargoRun lastSeenRun() {
        if (lastRun != null) {
            return lastRun;
        }
        return CargoRun.builder(state.runUuid, RunStatus.of(state.lastStatus == null ? "unknown" : state.lastStatus))
                .workflowUuid(state.workflowUuid)
                .releaseUuid(state.releaseUuid)
                .build();
    }

    private Duration waited() {
        return Duration.ofMillis(Math.max(0, clock.millis() - state.waitStartedAt));
    }

    /** The delay to the next regular look, never past the deadline. */
    private Duration nextPoll() {
        Duration previous = Duration.ofMillis(state.nextDelayMillis);
        Duration interval = PollSchedule.nextInterval(state.policy.pollInterval(), previous, waited());
        state.nextDelayMillis = interval.toMillis();
        return untilDeadline(PollSchedule.jittered(interval, random.getAsDouble()));
    }

    private Duration untilDeadline(Duration delay) {
        return state.deadline == 0 ? delay : min(delay, Duration.ofMillis(Math.max(0, state.deadline - clock.millis())));
    }

    private void setStatus() {
        status = describeState();
    }

    private String describeState() {
        if (state.runUuid == null) {
            return switch (phase) {
                case CHECKING_DATA -> "checking data against the form of workflow " + state.workflowUuid;
                case WAITING_FOR_CAPACITY -> "waiting for capacity to create a Cargo run of workflow " + state.workflowUuid;
                default -> "creating a Cargo run of workflow " + state.workflowUuid;
            };
        }
        if (phase == Phase.ENDED) {
            return "Cargo run " + state.runUuid + " ended: " + state.lastStatus;
        }
        return "waiting for Cargo run " + state.runUuid + (state.lastStatus == null ? "" : ": " + state.lastStatus)
                + (state.cancelReason == WatchState.CancelReason.NONE ? "" : " (cancelling)");
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The host's saves, folded: at most one in flight, and when several are asked for meanwhile, the next
     * save writes the newest state once. A save can carry what to do once the state it wrote is durable.
     */
    private final class Saves {
        private long changes;
        private boolean inFlight;
        private final List<Waiter> waiting = new ArrayList<>();

        private record Waiter(long change, Runnable durable, Consumer<Throwable> failed) {}

        void save(Runnable whenDurable, Consumer<Throwable> whenFailed) {
            changes++;
            if (whenDurable != null) {
                waiting.add(new Waiter(changes, whenDurable, whenFailed));
            }
            if (!inFlight) {
                write();
            }
        }

        private void write() {
            inFlight = true;
            long written = changes;
            CompletionStage<Void> saving;
            try {
                saving = host.save(state.copy());
            } catch (RuntimeException e) {
                saving = CompletableFuture.failedFuture(e);
            }
            saving.whenComplete((ignored, error) -> events.execute(() -> saved(written, error)));
        }

        private void saved(long written, Throwable error) {
            inFlight = false;
            List<Waiter> due = new ArrayList<>();
            waiting.removeIf(waiter -> waiter.change <= written && due.add(waiter));
            if (error != null) {
                Throwable cause = unwrap(error);
                LOGGER.log(Level.WARNING, "Could not save the state of a Cargo run watch", cause);
                if (due.isEmpty()) {
                    log("Warning: the state of the wait could not be saved (" + cause.getMessage() + ");"
                            + " a restart now would lose track of it.");
                }
                due.forEach(waiter -> waiter.failed.accept(cause));
            } else {
                due.forEach(waiter -> waiter.durable.run());
            }
            if (changes > written) {
                write();
            }
        }
    }
}
