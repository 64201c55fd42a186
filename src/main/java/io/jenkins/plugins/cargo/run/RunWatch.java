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
    private boolean busy;
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
     * most {@link #CANCEL_GRACE}), then end as ABORTED. Calling it again changes nothing.
     */
    public void abort() {
        requestCancel(WatchState.CancelReason.ABORT);
    }

    void begin(Duration delay) {
        synchronized (this) {
            scheduleLocked(delay);
        }
    }

    // --- the steps ---------------------------------------------------------------------------

    private void step() {
        synchronized (this) {
            pending = null;
            if (outcome.isDone()) {
                return;
            }
            busy = true;
        }
        Duration next = null;
        try {
            if (state.runUuid == null) {
                next = createRequest != null && state.createAttemptStartedAt == 0 ? create() : findCreatedRun();
            } else {
                if (cancelToSend()) {
                    sendCancel();
                }
                next = poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            // A broken step must still end the wait, or the build would hang.
            outcome.completeExceptionally(e);
        } finally {
            synchronized (this) {
                busy = false;
                if (!outcome.isDone() && pending == null && next != null) {
                    scheduleLocked(next);
                }
            }
        }
    }

    private Duration create() throws InterruptedException {
        synchronized (this) {
            if (state.cancelReason != WatchState.CancelReason.NONE) {
                outcome.completeExceptionally(new CancellationException("Aborted before the Cargo run was created."));
                return null;
            }
            state.createAttemptStartedAt = clock.millis();
        }
        // Saved before the request goes out: after a restart this is how the run is found, not re-created.
        events.stateChanged(state());
        CargoRun run;
        try {
            run = actions.createRun(createRequest);
        } catch (CargoException e) {
            outcome.completeExceptionally(e);
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
            outcome.completeExceptionally(e);
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
        events.stateChanged(state());
        if (!state.waitForRun) {
            finish(run, EndReason.NOT_WAITED);
            return null;
        }
        synchronized (this) {
            return state.cancelReason != WatchState.CancelReason.NONE ? Duration.ZERO : nextPollLocked();
        }
    }

    private Duration poll() throws InterruptedException {
        String uuid = state.runUuid;
        CargoRun run;
        try {
            run = reads.getRun(uuid);
        } catch (CargoTransientException e) {
            return pollFailed(e);
        } catch (CargoException e) {
            outcome.completeExceptionally(e);
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
            events.stateChanged(state());
        }
        if (run.isTerminal()) {
            finish(run, endReasonOfCancel().orElse(EndReason.FINISHED));
            return null;
        }
        return afterUnfinished();
    }

    private Duration pollFailed(CargoTransientException e) {
        Duration delay;
        synchronized (this) {
            long now = clock.millis();
            state.pollFailures++;
            if (state.firstPollFailureAt == 0) {
                state.firstPollFailureAt = now;
            }
            delay = POLL_RETRIES
                    .nextDelay(state.pollFailures, e, Duration.ofMillis(now - state.firstPollFailureAt))
                    .orElse(null);
        }
        if (delay == null) {
            outcome.completeExceptionally(new CargoException("Gave up waiting for Cargo run " + state.runUuid
                    + ": Cargo could not be reached for " + ProgressReporter.duration(POLL_RETRIES.budget())
                    + ". The run may still be going on; check it in Cargo. Last error: " + e.getMessage(),
                    e.httpStatus(), e.reason(), e.errorMessage(), e));
            return null;
        }
        events.log("Could not read Cargo run " + state.runUuid + ": " + e.getMessage() + " Trying again in "
                + ProgressReporter.duration(delay.plusMillis(999)) + ".");
        // The timeout and the cancel bound still apply while Cargo cannot be reached.
        Duration bound = afterUnfinished();
        if (bound == null) {
            return null;
        }
        return bound.isZero() ? Duration.ZERO : delay;
    }

    /** After a look at an unfinished run (or a failed look): the timeout, the cancel bound, or the next poll. */
    private Duration afterUnfinished() {
        EndReason end = null;
        String line = null;
        Duration next;
        synchronized (this) {
            long now = clock.millis();
            if (state.cancelReason != WatchState.CancelReason.NONE) {
                if (now - state.cancelRequestedAt >= CANCEL_GRACE.toMillis()) {
                    end = endReasonOfCancel().orElseThrow();
                    line = "Cargo run " + state.runUuid + " did not reach cancelled within "
                            + ProgressReporter.duration(CANCEL_GRACE) + " of the cancel request; no longer waiting.";
                    next = null;
                } else {
                    next = min(CANCEL_POLL, state.policy.pollInterval());
                }
            } else if (state.deadline != 0 && now >= state.deadline) {
                if (state.policy.cancelOnTimeout()) {
                    line = requestCancelLocked(WatchState.CancelReason.TIMEOUT);
                    next = Duration.ZERO;
                } else {
                    end = EndReason.TIMED_OUT;
                    line = "Gave up waiting for Cargo run " + state.runUuid + " after "
                            + ProgressReporter.duration(state.policy.timeout())
                            + " (timeoutMinutes); the run is left running, as cancelOnTimeout is off.";
                    next = null;
                }
            } else {
                next = nextPollLocked();
            }
        }
        if (line != null) {
            events.log(line);
            if (end == null) {
                events.stateChanged(state());
            }
        }
        if (end != null) {
            finish(lastSeenRun(), end);
        }
        return next;
    }

    private Duration nextPollLocked() {
        long now = clock.millis();
        Duration previous = Duration.ofMillis(state.nextDelayMillis);
        Duration interval = PollSchedule.nextInterval(state.policy.pollInterval(), previous, waited());
        state.nextDelayMillis = interval.toMillis();
        Duration delay = PollSchedule.jittered(interval, random.getAsDouble());
        if (state.deadline != 0) {
            delay = min(delay, Duration.ofMillis(Math.max(0, state.deadline - now)));
        }
        return delay;
    }

    private boolean cancelToSend() {
        synchronized (this) {
            return state.cancelReason != WatchState.CancelReason.NONE && !state.cancelSent && state.workflowUuid != null;
        }
    }

    private void sendCancel() throws InterruptedException {
        String workflow;
        String uuid;
        synchronized (this) {
            state.cancelSent = true;
            workflow = state.workflowUuid;
            uuid = state.runUuid;
        }
        events.stateChanged(state());
        try {
            actions.cancelRun(workflow, uuid);
            events.log("Asked Cargo to cancel run " + uuid + "; waiting for it to stop.");
        } catch (CargoException e) {
            // The run may have just ended; the next look tells.
            events.log("Cargo did not take the cancel request for run " + uuid + ": " + e.getMessage());
        }
    }

    private void requestCancel(WatchState.CancelReason reason) {
        String line;
        boolean abortedBeforeCreate = false;
        synchronized (this) {
            if (outcome.isDone() || state.cancelReason != WatchState.CancelReason.NONE) {
                return;
            }
            if (state.runUuid == null && state.createAttemptStartedAt == 0 && !busy) {
                state.cancelReason = reason;
                abortedBeforeCreate = true;
                line = null;
                if (pending != null) {
                    pending.cancel();
                    pending = null;
                }
            } else {
                line = requestCancelLocked(reason);
                if (!busy) {
                    if (pending != null) {
                        pending.cancel();
                    }
                    scheduleLocked(Duration.ZERO);
                }
            }
        }
        if (abortedBeforeCreate) {
            outcome.completeExceptionally(new CancellationException("Aborted before the Cargo run was created."));
            return;
        }
        events.log(line);
        events.stateChanged(state());
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

    private Optional<EndReason> endReasonOfCancel() {
        synchronized (this) {
            return switch (state.cancelReason) {
                case ABORT -> Optional.of(EndReason.ABORTED);
                case TIMEOUT -> Optional.of(EndReason.TIMED_OUT);
                default -> Optional.empty();
            };
        }
    }

    private void finish(CargoRun run, EndReason reason) {
        synchronized (this) {
            if (outcome.isDone()) {
                return;
            }
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
        RunOutcome result = RunOutcome.of(run, reason, state.policy);
        ProgressReporter.summary(result, run).forEach(events::log);
        outcome.complete(result);
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
        pending = scheduler.schedule(this::step, delay);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
