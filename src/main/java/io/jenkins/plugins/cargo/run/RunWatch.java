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
     * most {@link #CANCEL_GRACE}), then end as ABORTED. Calling it again changes nothing. Never blocks.
     */
    public void abort() {
        String line = null;
        boolean abortedBeforeCreate = false;
        synchronized (this) {
            WatchState.CancelReason before = state.cancelReason;
            if (ended || before == WatchState.CancelReason.ABORT) {
                return;
            }
            if (before == WatchState.CancelReason.TIMEOUT) {
                // Already being cancelled for the timeout: nothing more to send, but the build was aborted.
                state.cancelReason = WatchState.CancelReason.ABORT;
                line = "The build was aborted while Cargo run " + state.runUuid + " was being cancelled.";
            } else if (state.runUuid == null && state.createAttemptStartedAt == 0 && !busy) {
                state.cancelReason = WatchState.CancelReason.ABORT;
                abortedBeforeCreate = true;
            } else {
                line = requestCancelLocked(WatchState.CancelReason.ABORT);
                if (!busy) {
                    scheduleLocked(Duration.ZERO);
                }
                // When a step is under way, it sends the cancel as soon as it ends (see step()).
            }
        }
        if (abortedBeforeCreate) {
            fail(new CancellationException("Aborted before the Cargo run was created."));
            return;
        }
        events.log(line);
        save();
    }

    void begin(Duration delay) {
        synchronized (this) {
            scheduleLocked(delay);
        }
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
                    boolean cancelToSend = state.cancelReason != WatchState.CancelReason.NONE && !state.cancelSent
                            && state.runUuid != null;
                    scheduleLocked(cancelToSend ? Duration.ZERO : next);
                }
            }
        }
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
        boolean cancelAsked = false;
        synchronized (this) {
            long now = clock.millis();
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
                    cancelAsked = true;
                    next = Duration.ZERO;
                } else {
                    end = EndReason.TIMED_OUT;
                    lines.add("Gave up waiting for Cargo run " + state.runUuid + " after "
                            + ProgressReporter.duration(state.policy.timeout())
                            + " (timeoutMinutes); the run is left running, as cancelOnTimeout is off.");
                }
            } else {
                next = retry != null ? retry : nextPollLocked();
                if (state.deadline != 0) {
                    next = min(next, Duration.ofMillis(state.deadline - now));
                }
            }
            if (failure != null) {
                lines.add(0, "Could not read Cargo run " + state.runUuid + ": " + failure.getMessage()
                        + (next == null || next.isZero() ? "" : " Trying again in " + ProgressReporter.duration(next.plusMillis(999)) + "."));
            }
        }
        lines.forEach(events::log);
        if (cancelAsked) {
            save();
        }
        if (end != null) {
            finish(lastSeenRun(), end);
        }
        return next;
    }

    private Duration nextPollLocked() {
        Duration previous = Duration.ofMillis(state.nextDelayMillis);
        Duration interval = PollSchedule.nextInterval(state.policy.pollInterval(), previous, waited());
        state.nextDelayMillis = interval.toMillis();
        return PollSchedule.jittered(interval, random.getAsDouble());
    }

    /** Sends the cancel once, if one was asked for and not sent yet. */
    private void sendCancelIfAsked() throws InterruptedException {
        String workflow;
        String uuid;
        synchronized (this) {
            if (state.cancelReason == WatchState.CancelReason.NONE || state.cancelSent || state.workflowUuid == null) {
                return;
            }
            // Claimed under the lock, so that it is sent once however steps and aborts interleave.
            state.cancelSent = true;
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
        // Saved after the request: a restart before this point sends it again, which is harmless.
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
        RunOutcome result = RunOutcome.of(run, reason, state.policy);
        ProgressReporter.summary(result, run).forEach(events::log);
        outcome.complete(result);
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

    /** Hands a snapshot to the events under the lock, so snapshots arrive in the order they were taken. */
    private synchronized void save() {
        events.stateChanged(state.copy());
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
        } catch (RuntimeException rejected) {
            // A scheduler that was shut down must not leave the build waiting forever.
            pending = null;
            ended = true;
            outcome.completeExceptionally(rejected);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
