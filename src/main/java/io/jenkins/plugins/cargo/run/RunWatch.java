package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.CargoTransientException;
import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import io.jenkins.plugins.cargo.api.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * One run being created and followed to its end.
 *
 * <p>The work is a chain of short steps on a {@link Scheduler}: create, then poll, poll, … until the
 * run ends, the timeout passes or the build is aborted. Nothing waits on a thread between steps. Each
 * step is one HTTP exchange (a create, a cancel or a read); reads are tried once per step, and a read
 * that fails in a way that may pass is simply tried again at a later step, within a budget.
 *
 * <p>The outcome arrives through {@link #outcome()}: a {@link RunOutcome} when the run ended, timed out
 * or was aborted, or an exception when it cannot be followed (a refused token, a vanished run, a
 * refused create, a create whose outcome is unknown, Cargo unreachable for too long).
 */
public final class RunWatch {
    /** How long to keep looking after asking Cargo to cancel, for the run to reach cancelled. */
    static final Duration CANCEL_GRACE = Duration.ofSeconds(60);
    /** How often to look while a cancel is under way. */
    static final Duration CANCEL_POLL = Duration.ofSeconds(2);
    /** Reads that fail in a way that may pass are tried again for up to 10 minutes before the wait gives up. */
    static final RetryPolicy POLL_RETRIES =
            RetryPolicy.of(Integer.MAX_VALUE, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(10));

    private final CargoClient actions;
    private final CargoClient reads;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier random;
    private final RunEvents events;
    private final CreateRunRequest createRequest;
    private final WatchState state;
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();

    // Guarded by this.
    private Scheduler.Task pending;
    /** Counts scheduled steps; a step that is not the latest one scheduled does nothing. */
    private long generation;
    private boolean busy;
    private boolean ended;
    /** A cancel request is on its way; {@code state.cancelSent} is set only once it went out. */
    private boolean cancelInFlight;
    /** Why the scheduler refused a step; the outcome is completed with it outside the lock. */
    private RuntimeException rejected;
    /** Numbers the snapshots handed to the events, so that the newest can be told. */
    private long snapshots;
    private CargoRun lastRun;

    RunWatch(CargoClient actions, CargoClient reads, Scheduler scheduler, Clock clock, DoubleSupplier random,
            RunEvents events, CreateRunRequest createRequest, WatchState state) {
        this.actions = actions;
        this.reads = reads;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.events = events;
        this.createRequest = createRequest;
        this.state = state;
        this.snapshots = state.sequence;
    }

    /** Completes once, with the outcome or with the reason the run could not be followed. */
    public CompletableFuture<RunOutcome> outcome() {
        return outcome;
    }

    /** A copy of the state to persist; resuming from it goes on where this watch is. */
    public synchronized WatchState state() {
        return state.copy();
    }

    /** The run's uuid, or null while it is being created. */
    public synchronized String runUuid() {
        return state.runUuid;
    }

    /** A short description for thread dumps and the Pipeline's step status. */
    public synchronized String describe() {
        if (state.runUuid == null) {
            return "creating a Cargo run of workflow " + state.workflowUuid;
        }
        return "waiting for Cargo run " + state.runUuid + (state.lastStatus == null ? "" : ": " + state.lastStatus)
                + (state.cancelReason == WatchState.CancelReason.NONE ? "" : " (cancelling)");
    }

    /**
     * The build was aborted: ask Cargo to cancel the run, keep looking until it is cancelled (or for at
     * most {@link #CANCEL_GRACE}), then end as ABORTED. Calling it again changes nothing. It never waits
     * for Cargo: the cancel is sent from the scheduler.
     */
    public void abort() {
        String line;
        synchronized (this) {
            WatchState.CancelReason before = state.cancelReason;
            if (ended || before == WatchState.CancelReason.ABORT) {
                return;
            }
            if (state.runUuid == null && state.createAttemptStartedAt == 0) {
                // The create has not claimed its start: it will see the abort and send nothing.
                state.cancelReason = WatchState.CancelReason.ABORT;
                if (busy) {
                    return;
                }
                line = null;
            } else if (before == WatchState.CancelReason.TIMEOUT) {
                // Already being cancelled for the timeout: nothing more to send, but the build was aborted.
                state.cancelReason = WatchState.CancelReason.ABORT;
                line = "The build was aborted while Cargo run " + state.runUuid + " was being cancelled.";
            } else {
                line = requestCancelLocked(WatchState.CancelReason.ABORT);
            }
        }
        if (line == null) {
            fail(new CancellationException("Aborted before the Cargo run was created."));
            return;
        }
        events.log(line);
        save();
        synchronized (this) {
            // When a step is under way, it sends the cancel as soon as it ends (see step()).
            if (!ended && !busy) {
                scheduleLocked(Duration.ZERO);
            }
        }
        completeIfRejected();
    }

    void begin(Duration delay) {
        synchronized (this) {
            scheduleLocked(delay);
        }
        completeIfRejected();
    }

    // --- the steps ---------------------------------------------------------------------------

    private void step(long scheduled) {
        synchronized (this) {
            if (ended || scheduled != generation) {
                return;
            }
            pending = null;
            busy = true;
        }
        Duration next = null;
        try {
            if (state.runUuid == null) {
                next = createRequest != null && state.createAttemptStartedAt == 0 ? create() : findCreatedRun();
            } else if (!state.waitForRun && !cancelAsked()) {
                // Resumed between saving the new run and ending "not waited": end it as it would have.
                finish(lastSeenRun(), EndReason.NOT_WAITED);
            } else {
                sendCancelIfAsked();
                next = poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (RuntimeException | Error e) {
            // A broken step must still end the wait, or the build would hang.
            fail(e);
        } finally {
            synchronized (this) {
                busy = false;
                if (!ended && pending == null && next != null) {
                    // An abort that came while this step ran is acted on now, not after the next interval.
                    scheduleLocked(cancelToSendLocked() ? Duration.ZERO : next);
                }
            }
            completeIfRejected();
        }
    }

    private synchronized boolean cancelAsked() {
        return state.cancelReason != WatchState.CancelReason.NONE;
    }

    /** A cancel was asked for, has not gone out, and can go out: the run and its workflow are known. */
    private boolean cancelToSendLocked() {
        return state.cancelReason != WatchState.CancelReason.NONE && !state.cancelSent && !cancelInFlight
                && state.runUuid != null && state.workflowUuid != null;
    }

    private Duration create() throws InterruptedException {
        boolean abortedFirst;
        synchronized (this) {
            abortedFirst = state.cancelReason != WatchState.CancelReason.NONE;
            if (!abortedFirst) {
                state.createAttemptStartedAt = clock.millis();
            }
        }
        if (abortedFirst) {
            fail(new CancellationException("Aborted before the Cargo run was created."));
            return null;
        }
        // Saved before the request goes out: after a restart this is how the run is found, not re-created.
        save();
        CargoRun run;
        try {
            run = actions.createRun(createRequest);
        } catch (CargoException e) {
            fail(e);
            return null;
        }
        return started(run, ProgressReporter.created(run, state.waitForRun));
    }

    private Duration findCreatedRun() throws InterruptedException {
        CargoRun run;
        try {
            run = actions.findCreatedRun(state.workflowUuid, state.releaseUuid,
                    Instant.ofEpochMilli(state.createAttemptStartedAt),
                    "Jenkins restarted before Cargo's answer was saved");
        } catch (CargoException e) {
            fail(e);
            return null;
        }
        return started(run, "Found Cargo run " + run.uuid() + ", created just before Jenkins restarted; status "
                + run.status() + ".");
    }

    private Duration started(CargoRun run, String line) {
        synchronized (this) {
            state.runUuid = run.uuid();
            state.lastStatus = run.status().value();
            lastRun = run;
        }
        // The uuid goes to the log first thing, so it is never lost, whatever happens next.
        events.log(line);
        save();
        if (!state.waitForRun && finish(run, EndReason.NOT_WAITED)) {
            return null;
        }
        synchronized (this) {
            // Not waiting but aborted meanwhile: follow the run until the cancel takes, as when waiting.
            return state.cancelReason != WatchState.CancelReason.NONE ? Duration.ZERO : nextPollLocked();
        }
    }

    private Duration poll() throws InterruptedException {
        CargoRun run;
        try {
            run = reads.getRun(state.runUuid);
        } catch (CargoTransientException e) {
            return pollFailed(e);
        } catch (CargoException e) {
            fail(e);
            return null;
        }
        List<String> lines;
        boolean changed;
        synchronized (this) {
            lastRun = run;
            changed = state.pollFailures > 0 || state.workflowUuid == null;
            state.pollFailures = 0;
            state.firstPollFailureAt = 0;
            if (state.workflowUuid == null) {
                state.workflowUuid = run.workflowUuid();
            }
            String statusBefore = state.lastStatus;
            int reportedBefore = state.reportedExecutions.size();
            boolean warnedBefore = state.pendingWarned;
            lines = ProgressReporter.progress(state, run, waited());
            changed |= !run.status().value().equals(statusBefore)
                    || state.reportedExecutions.size() != reportedBefore
                    || state.pendingWarned != warnedBefore;
        }
        lines.forEach(events::log);
        if (changed) {
            save();
        }
        if (run.isTerminal()) {
            finish(run, endReasonOfCancel().orElse(EndReason.FINISHED));
            return null;
        }
        return afterUnfinished(null, null);
    }

    private Duration pollFailed(CargoTransientException e) {
        Duration retry;
        Duration failingFor;
        synchronized (this) {
            long now = clock.millis();
            state.pollFailures++;
            if (state.firstPollFailureAt == 0) {
                state.firstPollFailureAt = now;
            }
            failingFor = Duration.ofMillis(now - state.firstPollFailureAt);
            retry = POLL_RETRIES.nextDelay(state.pollFailures, e, failingFor).orElse(null);
            boolean endingAnyway = state.cancelReason != WatchState.CancelReason.NONE
                    || (state.deadline != 0 && now >= state.deadline);
            if (retry == null && endingAnyway) {
                // A cancel under way or a passed deadline ends the wait by its own bound; keep trying till then.
                retry = CANCEL_POLL;
            }
        }
        if (retry == null) {
            fail(new CargoException("Gave up waiting for Cargo run " + state.runUuid + ": it could not be read for "
                    + ProgressReporter.duration(failingFor) + ". The run may still be going on; check it in Cargo."
                    + " Last error: " + e.getMessage(), e.httpStatus(), e.reason(), e.errorMessage(), e));
            return null;
        }
        return afterUnfinished(retry, e);
    }

    /**
     * After a look at an unfinished run, or a failed look: ends the wait at the timeout or at the end of
     * the cancel grace, asks for the cancel at the timeout, or says when to look next (the retry delay
     * after a failed look), never past the deadline or the end of the grace.
     */
    private Duration afterUnfinished(Duration retry, CargoTransientException failure) {
        EndReason end = null;
        List<String> lines = new ArrayList<>();
        Duration next = null;
        boolean saveState = false;
        synchronized (this) {
            long now = clock.millis();
            long delayBefore = state.nextDelayMillis;
            if (state.cancelReason != WatchState.CancelReason.NONE) {
                long graceLeft = state.cancelRequestedAt + CANCEL_GRACE.toMillis() - now;
                if (graceLeft <= 0) {
                    end = endReasonOfCancelLocked();
                    lines.add("Cargo run " + state.runUuid + " did not reach cancelled within "
                            + ProgressReporter.duration(CANCEL_GRACE) + " of the cancel request; no longer waiting.");
                } else {
                    Duration look = retry != null ? retry : min(CANCEL_POLL, state.policy.pollInterval());
                    next = min(look, Duration.ofMillis(graceLeft));
                }
            } else if (state.deadline != 0 && now >= state.deadline) {
                if (state.policy.cancelOnTimeout()) {
                    lines.add(requestCancelLocked(WatchState.CancelReason.TIMEOUT));
                    saveState = true;
                    next = Duration.ZERO;
                } else {
                    end = EndReason.TIMED_OUT;
                    lines.add("Gave up waiting for Cargo run " + state.runUuid + " after "
                            + ProgressReporter.duration(state.policy.timeout())
                            + " (timeoutMinutes); the run is left running, as cancelOnTimeout is off.");
                }
            } else {
                next = retry != null ? untilDeadlineLocked(retry) : nextPollLocked();
            }
 
            // The interval grows in the long-run phase; a resumed wait goes on at the grown interval.
            saveState |= state.nextDelayMillis != delayBefore;
            if (failure != null) {
                lines.add(0, "Could not read Cargo run " + state.runUuid + ": " + failure.getMessage()
                        + (next == null || next.isZero() ? "" : " Trying again in " + ProgressReporter.duration(next.plusMillis(999)) + "."));
            }
        }
        lines.forEach(events::log);
        if (saveState) {
            save();
        }
        if (end != null) {
            finish(lastSeenRun(), end);
        }
        return next;
    }

    /** The delay to the next regular look, never past the deadline. */
    private Duration nextPollLocked() {
        Duration previous = Duration.ofMillis(state.nextDelayMillis);
        Duration interval = PollSchedule.nextInterval(state.policy.pollInterval(), previous, waited());
        state.nextDelayMillis = interval.toMillis();
        return untilDeadlineLocked(PollSchedule.jittered(interval, random.getAsDouble()));
    }

    private Duration untilDeadlineLocked(Duration delay) {
        return state.deadline == 0 ? delay : min(delay, Duration.ofMillis(Math.max(0, state.deadline - clock.millis())));
    }

    /** Sends the cancel once, if one was asked for and not sent yet. */
    private void sendCancelIfAsked() throws InterruptedException {
        String workflow;
        String uuid;
        synchronized (this) {
            if (!cancelToSendLocked()) {
                return;
            }
            // Claimed under the lock, so that it is sent once however steps and aborts interleave.
            cancelInFlight = true;
            workflow = state.workflowUuid;
            uuid = state.runUuid;
        }
        try {
            actions.cancelRun(workflow, uuid);
            events.log("Asked Cargo to cancel run " + uuid + "; waiting for it to stop.");
        } catch (CargoException e) {
            // The run may have just ended; the next look tells.
            events.log("Cargo did not take the cancel request for run " + uuid + ": " + e.getMessage());
        }
        synchronized (this) {
            // Only now: a state saved while the request was on its way makes a resumed wait send it again,
            // which is harmless; one that claimed it sent would leave the run going.
            state.cancelSent = true;
            cancelInFlight = false;
        }
        save();
    }

    private String requestCancelLocked(WatchState.CancelReason reason) {
        state.cancelReason = reason;
        state.cancelRequestedAt = clock.millis();
        String run = state.runUuid == null ? "the Cargo run once it is created" : "Cargo run " + state.runUuid;
        return reason == WatchState.CancelReason.TIMEOUT
                ? "Cargo run " + state.runUuid + " did not finish within " + ProgressReporter.duration(state.policy.timeout())
                        + " (timeoutMinutes); cancelling it."
                : "The build was aborted; cancelling " + run + ".";
    }

    private synchronized Optional<EndReason> endReasonOfCancel() {
        return Optional.ofNullable(endReasonOfCancelLocked());
    }

    private EndReason endReasonOfCancelLocked() {
        return switch (state.cancelReason) {
            case ABORT -> EndReason.ABORTED;
            case TIMEOUT -> EndReason.TIMED_OUT;
            default -> null;
        };
    }

    /**
     * Ends the watch with an outcome, once. Returns false when it did not end it: it had ended already,
     * or the outcome was "not waited" but the build was aborted meanwhile.
     */
    private boolean finish(CargoRun run, EndReason reason) {
        synchronized (this) {
            if (ended || (reason == EndReason.NOT_WAITED && state.cancelReason != WatchState.CancelReason.NONE)) {
                return false;
            }
            endLocked();
        }
        RunOutcome result;
        try {
            result = RunOutcome.of(run, reason, state.policy);
        } catch (RuntimeException | Error e) {
            outcome.completeExceptionally(e);
            throw e;
        }
        try {
            ProgressReporter.summary(result, run).forEach(events::log);
        } finally {
            // The build must learn the outcome even if its log fails.
            outcome.complete(result);
        }
        return true;
    }

    /** Ends the watch without an outcome: the run cannot be followed. */
    private void fail(Throwable failure) {
        synchronized (this) {
            if (ended) {
                return;
            }
            endLocked();
        }
        outcome.completeExceptionally(failure);
    }

    private void endLocked() {
        ended = true;
        generation++;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    /**
     * Hands a numbered snapshot to the events, outside any lock (the events may take locks of their own
     * that a caller of {@link #abort()} holds). Snapshots from different threads can arrive out of order;
     * {@link WatchState#sequence()} tells which is newest.
     */
    private void save() {
        WatchState snapshot;
        synchronized (this) {
            snapshot = state.copy();
            snapshot.sequence = ++snapshots;
        }
        events.stateChanged(snapshot);
    }

    /** The run as last read; after a restart, before the first read, what the saved state knows. */
    private synchronized CargoRun lastSeenRun() {
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

    private void scheduleLocked(Duration delay) {
        long scheduled = ++generation;
        if (pending != null) {
            pending.cancel();
        }
        try {
            pending = scheduler.schedule(() -> step(scheduled), delay);
        } catch (RuntimeException refused) {
            // A scheduler that was shut down must not leave the build waiting forever.
            pending = null;
            ended = true;
            rejected = refused;
        }
    }

    /** Completes the outcome with a scheduler's refusal, outside the lock it was noted under. */
    private void completeIfRejected() {
        RuntimeException refused;
        synchronized (this) {
            refused = rejected;
            rejected = null;
        }
        if (refused != null) {
            outcome.completeExceptionally(refused);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
