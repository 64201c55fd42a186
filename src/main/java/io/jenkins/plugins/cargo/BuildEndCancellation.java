package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.TokenSource;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.WatchState;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Cancels the Cargo run of a build that ended while the run was still live, and says so on the build
 * page. That happens when the step could not see the end through: a Pipeline step terminated by force
 * ({@code /term}, or a {@code timeout} step's "extreme prejudice"), or a controller that crashed under the
 * PERFORMANCE_OPTIMIZED durability setting, after which the build is marked failed and no step resumes.
 *
 * <p>Two ways in: {@link CargoBuildEndListener} when a build is finalized, and {@link #checkAfterLoad}
 * when a build is loaded (the only call a crashed PERFORMANCE_OPTIMIZED build gets). If a watch in this
 * controller still follows the run, it is aborted: it cancels the run and records how it ended. Otherwise
 * the cancel is sent here, with a token found again from the credential id the action kept. Each record
 * is handled once: it stops asking for a cancel as soon as one was asked for.
 */
final class BuildEndCancellation {
    private static final Logger LOGGER = Logger.getLogger(BuildEndCancellation.class.getName());

    /**
     * How long after a build is loaded to look at it: when its action is loaded the build still looks
     * running even if it crashed; a moment later Jenkins has decided its fate.
     */
    static final long LOAD_CHECK_DELAY_SECONDS = 2;

    private BuildEndCancellation() {}

    /** A build was loaded with a live run in {@code action}: cancel it if the build turns out to have ended. */
    static void checkAfterLoad(Run<?, ?> run, CargoRunAction action) {
        Timer.get().schedule(() -> {
            if (!run.isBuilding() && action.getRecord().needsCancelAfterBuildEnded()) {
                cancel(run, action);
            }
        }, LOAD_CHECK_DELAY_SECONDS, TimeUnit.SECONDS);
    }

    /** The build ended and {@code action}'s run is still live. Returns at once (it may be on the CPS VM thread). */
    static void cancel(Run<?, ?> run, CargoRunAction action) {
        CargoRuntime runtime = CargoRuntime.get();
        try {
            Optional<RunWatch> watch = runtime.liveWatch(action.key());
            if (watch.isPresent()) {
                action.update(CargoRunRecord::cancelRequestedBecauseBuildEnded);
                watch.get().abort();
                runtime.writer().execute(() -> save(run, action));
            } else {
                runtime.writer().execute(() -> cancelWithoutWatch(runtime, run, action));
            }
        } catch (RejectedExecutionException shuttingDown) {
            // The record stays live: the check after the next start takes it up.
            LOGGER.log(Level.FINE, "Not cancelling the Cargo run of " + run + " while Jenkins shuts down", shuttingDown);
        }
    }

    /** On the writer: no watch follows the run any more, so the cancel is sent from here. */
    private static void cancelWithoutWatch(CargoRuntime runtime, Run<?, ?> run, CargoRunAction action) {
        CargoRunRecord record = action.getRecord();
        if (!record.needsCancelAfterBuildEnded()) {
            return;
        }
        Optional<RunWatch> startedMeanwhile = runtime.liveWatch(action.key());
        if (startedMeanwhile.isPresent()) {
            // The step's watch was started on this thread after the build ended (a killed build).
            action.update(CargoRunRecord::cancelRequestedBecauseBuildEnded);
            startedMeanwhile.get().abort();
            save(run, action);
            return;
        }
        String runUuid = record.getRunUuid();
        String workflowUuid = record.getWorkflowUuid();
        if (runUuid == null) {
            WatchState state = savedState(record);
            if (state != null && state.createMayHaveBeenSent()) {
                action.update(r -> r.notCancelledAfterBuildEnded(Messages.BuildEndCancellation_NotIdentified(
                        String.valueOf(workflowUuid), String.valueOf(state.createAttemptStartedAt()))));
            } else {
                action.update(r -> r.failed(Messages.BuildEndCancellation_NothingCreated()));
            }
            save(run, action);
            return;
        }
        if (workflowUuid == null) {
            action.update(r -> r.notCancelledAfterBuildEnded(Messages.BuildEndCancellation_WorkflowUnknown()));
            save(run, action);
            return;
        }
        CargoApiUrl apiUrl;
        TokenSource tokens;
        try {
            apiUrl = CargoApiUrl.parse(record.getApiUrl());
            tokens = CargoCredentials.tokenSource(run, record.getCredentialsId(), apiUrl);
        } catch (AbortException | IllegalArgumentException e) {
            action.update(r -> r.notCancelledAfterBuildEnded(e.getMessage()));
            save(run, action);
            return;
        }
        action.update(CargoRunRecord::cancelRequestedBecauseBuildEnded);
        save(run, action);
        LOGGER.log(Level.INFO, "{0} ended while its Cargo run {1} was still going on; cancelling the run",
                new Object[] {run, runUuid});
        runtime.client(apiUrl, tokens).cancelRun(workflowUuid, runUuid).whenComplete((ignored, error) -> {
            try {
                runtime.writer().execute(() -> {
                    if (error == null) {
                        action.update(CargoRunRecord::cancelledBecauseBuildEnded);
                    } else {
                        String problem = StepCompletion.unwrap(error).getMessage();
                        LOGGER.log(Level.WARNING, "Could not cancel Cargo run {0} of {1}: {2}",
                                new Object[] {runUuid, run, problem});
                        action.update(r -> r.notCancelledAfterBuildEnded(problem));
                    }
                    save(run, action);
                });
            } catch (RejectedExecutionException shuttingDown) {
                LOGGER.log(Level.FINE, "Shutting down before the cancel of Cargo run " + runUuid + " was recorded", shuttingDown);
            }
        });
    }

    @CheckForNull
    private static WatchState savedState(CargoRunRecord record) {
        String encoded = record.watchState();
        if (encoded == null) {
            return null;
        }
        try {
            return WatchStateCodec.decode(encoded);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static void save(Run<?, ?> run, CargoRunAction action) {
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save " + run + " after recording " + action, e);
        }
    }
}
