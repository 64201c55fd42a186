package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.CargoPort;
import io.jenkins.plugins.cargo.api.Scheduler;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Starts, resumes and joins {@link RunWatch}es. One per controller: every watch shares its scheduler;
 * each watch gets its own {@link CargoPort} (the API URL and token of its build) and {@link WatchHost}
 * (its build's log and saved state).
 */
public final class RunWatcher {
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier random;

    public RunWatcher(Scheduler scheduler, Clock clock) {
        this(scheduler, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    RunWatcher(Scheduler scheduler, Clock clock, DoubleSupplier random) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * Creates the run and, unless told not to wait, follows it. Returns at once: the first save, the
     * create and everything after happen in the watch's events.
     */
    public RunWatch start(RunOptions options, CargoPort cargo, WatchHost host) {
        host.log("Starting a run of Cargo workflow " + options.workflowUuid()
                + (options.releaseUuid() == null ? "" : " at release " + options.releaseUuid()) + ".");
        options.warnings().forEach(warning -> host.log("Warning: " + warning));
        return begin(new RunWatch(cargo, scheduler, clock, random, host, options.createRequest(),
                options.validateData(), newState(options)));
    }

    /**
     * Goes on after a restart from the last state that was durable.
     *
     * <ul>
     *   <li>No state, or one from before any create was sent: starts afresh from {@code options}.
     *   <li>A create attempt without a run: finds the run the create made in the workflow's runs; never
     *       creates again (none, or several candidates, end as "outcome unknown").
     *   <li>A run: follows it, without repeating progress lines already printed; a cancel asked for but
     *       not sent is sent.
     * </ul>
     *
     * @param options the options the wait was started with; needed only when nothing was sent yet
     * @throws IllegalArgumentException when nothing was sent and no options are given
     */
    public RunWatch resume(WatchState saved, RunOptions options, CargoPort cargo, WatchHost host) {
        if (saved == null || (saved.runUuid == null && saved.createAttemptStartedAt == 0)) {
            if (options == null) {
                throw new IllegalArgumentException("The saved wait never sent its create request, and its options are"
                        + " not known; start the run again.");
            }
            host.log("Jenkins restarted before the Cargo run was created; nothing was sent, so it is created now.");
            WatchState fresh = newState(options);
            if (saved != null) {
                // The wait goes on: its timeout still counts from when it began.
                fresh.waitStartedAt = saved.waitStartedAt;
                fresh.deadline = saved.deadline;
            }
            return begin(new RunWatch(cargo, scheduler, clock, random, host, options.createRequest(),
                options.validateData(), fresh));
        }
        WatchState state = saved.copy();
        // Time Jenkins was down does not count against the budget for reads that fail.
        state.pollFailures = 0;
        state.firstPollFailureAt = 0;
        if (state.runUuid == null) {
            host.log("Jenkins restarted while the Cargo run was being created; looking for it in the workflow's runs.");
        } else if (!state.waitForRun && state.cancelReason == WatchState.CancelReason.NONE) {
            host.log("Jenkins restarted after Cargo run " + state.runUuid + " was created; not waiting for it.");
        } else {
            host.log("Resuming the wait for Cargo run " + state.runUuid
                    + (state.lastStatus == null ? "" : " (last seen " + state.lastStatus + ")") + ".");
        }
        return begin(new RunWatch(cargo, scheduler, clock, random, host, null, false, state));
    }

    /**
     * Follows a run started earlier, such as one of several started with {@code wait: false}.
     *
     * @param workflowUuid the run's workflow, or null to learn it from the first read (needed to cancel)
     * @throws IllegalArgumentException naming the bad field and the fix
     */
    public RunWatch join(String runUuid, String workflowUuid, WaitPolicy policy, CargoPort cargo, WatchHost host) {
        String run = RunOptions.Builder.requiredUuid("runUuid", runUuid, " It is the runUuid a cargoRun returned.");
        String workflow = workflowUuid == null || workflowUuid.isBlank()
                ? null
                : RunOptions.Builder.requiredUuid("workflowUuid", workflowUuid, "");
        WatchState state = newState(policy, true, workflow, null);
        state.runUuid = run;
        host.log("Waiting for Cargo run " + run + ".");
        return begin(new RunWatch(cargo, scheduler, clock, random, host, null, false, state));
    }

    private static RunWatch begin(RunWatch watch) {
        watch.begin();
        return watch;
    }

    private WatchState newState(RunOptions options) {
        return newState(options.waitPolicy(), options.waitForRun(), options.workflowUuid(), options.releaseUuid());
    }

    private WatchState newState(WaitPolicy policy, boolean waitForRun, String workflowUuid, String releaseUuid) {
        WatchState state = new WatchState(policy, waitForRun, workflowUuid, releaseUuid);
        long now = clock.millis();
        state.waitStartedAt = now;
        state.deadline = policy.hasTimeout() ? now + policy.timeout().toMillis() : 0;
        return state;
    }
}
