package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.ClientListener;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Starts, resumes and joins {@link RunWatch}es that share one client and one scheduler.
 *
 * <p>Reads are made with a single attempt each, since the watch schedules its own retries. Creates,
 * cancels and the look-up of a lost create keep a short retry budget of their own (3 attempts within
 * 10 s on connection failures, 429 and 5xx; a create only when nothing of it was sent), waited out on
 * the scheduler's thread, because each happens once per run.
 */
public final class RunWatcher {
    static final RetryPolicy ACTION_RETRIES =
            RetryPolicy.of(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10));

    private final CargoClient actions;
    private final CargoClient reads;
    private final Scheduler scheduler;
    private final Clock clock;
    private final DoubleSupplier random;

    public RunWatcher(CargoClient client, Scheduler scheduler, Clock clock) {
        this(client, scheduler, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    RunWatcher(CargoClient client, Scheduler scheduler, Clock clock, DoubleSupplier random) {
        this.actions = client.withRetryPolicy(ACTION_RETRIES);
        this.reads = client.withRetryPolicy(RetryPolicy.none());
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** Creates the run and, unless told not to wait, follows it. Returns at once; the create runs on the scheduler. */
    public RunWatch start(RunOptions options, RunEvents events) {
        WatchState state = newState(options.waitPolicy(), options.waitForRun(), options.workflowUuid(), options.releaseUuid());
        RunWatch watch = new RunWatch(actionsLoggingTo(events), reads, scheduler, clock, random, events, options.createRequest(), state);
        events.log("Starting a run of Cargo workflow " + options.workflowUuid()
                + (options.releaseUuid() == null ? "" : " at release " + options.releaseUuid()) + ".");
        options.warnings().forEach(warning -> events.log("Warning: " + warning));
        watch.begin(Duration.ZERO);
        return watch;
    }

    /**
     * Goes on from a saved state after a restart: follows the saved run, or, when the restart came while
     * the run was being created, finds it through the list of runs. Never creates a run.
     *
     * @throws IllegalArgumentException when the state shows no create was ever sent (start instead)
     */
    public RunWatch resume(WatchState saved, RunEvents events) {
        WatchState state = saved.copy();
        // Time Jenkins was down does not count against the budget for reads that fail.
        state.pollFailures = 0;
        state.firstPollFailureAt = 0;
        if (state.runUuid == null && state.createAttemptStartedAt == 0) {
            throw new IllegalArgumentException("The saved wait never sent its create request; start the run instead.");
        }
        RunWatch watch = new RunWatch(actionsLoggingTo(events), reads, scheduler, clock, random, events, null, state);
        events.log(state.runUuid == null
                ? "Jenkins restarted while the Cargo run was being created; looking for it in the workflow's runs."
                : "Resuming the wait for Cargo run " + state.runUuid
                        + (state.lastStatus == null ? "" : " (last seen " + state.lastStatus + ")") + ".");
        watch.begin(Duration.ZERO);
        return watch;
    }

    /**
     * Follows a run started earlier, such as one of several started with {@code wait: false}.
     *
     * @param workflowUuid the run's workflow, or null to learn it from the first read (needed to cancel)
     */
    public RunWatch join(String runUuid, String workflowUuid, WaitPolicy policy, RunEvents events) {
        String run = RunOptions.Builder.requiredUuid("runUuid", runUuid, " It is the runUuid a cargoRun returned.");
        String workflow = workflowUuid == null || workflowUuid.isBlank()
                ? null
                : RunOptions.Builder.requiredUuid("workflowUuid", workflowUuid, "");
        WatchState state = newState(policy, true, workflow, null);
        state.runUuid = run;
        RunWatch watch = new RunWatch(actionsLoggingTo(events), reads, scheduler, clock, random, events, null, state);
        events.log("Waiting for Cargo run " + run + ".");
        watch.begin(Duration.ZERO);
        return watch;
    }

    /** The client for creates, cancels and look-ups, telling this run's log when it retries or recovers. */
    private CargoClient actionsLoggingTo(RunEvents events) {
        return actions.withListener(new ClientListener() {
            @Override
            public void retrying(String what, CargoException failure, int failedAttempts, Duration delay) {
                events.log("Trying again in " + ProgressReporter.duration(delay.plusMillis(999)) + " after a failure while "
                        + what + ": " + failure.getMessage());
            }

            @Override
            public void foundLostRun(CargoRun run, CargoException lost) {
                events.log("The answer to the create request was lost (" + lost.getMessage() + "); found run "
                        + run.uuid() + " among the workflow's runs instead of creating another.");
            }
        });
    }

    private WatchState newState(WaitPolicy policy, boolean waitForRun, String workflowUuid, String releaseUuid) {
        WatchState state = new WatchState(policy, waitForRun, workflowUuid, releaseUuid);
        long now = clock.millis();
        state.waitStartedAt = now;
        state.deadline = policy.hasTimeout() ? now + policy.timeout().toMillis() : 0;
        return state;
    }
}
