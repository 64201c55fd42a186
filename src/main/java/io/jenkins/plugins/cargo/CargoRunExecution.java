package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.TokenSource;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.WatchHost;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The execution of {@code cargoRun} and {@code cargoWaitForRun}: drives one core {@link RunWatch} as
 * {@code docs/run-lifecycle.md} ("The glue's contract") lays down.
 *
 * <ul>
 *   <li>{@link #start()}, {@link #onResume()} and {@link #stop} return at once and do no I/O: the
 *       credential lookup, the watch's start and every {@code run.save()} happen on the runtime's writer
 *       thread, HTTP in the watch's events. Bad input fails the step before anything is sent; so does a
 *       missing credential.
 *   <li>The watch's state lives in the build's {@link CargoRunAction}, written with {@code run.save()} as the
 *       save the watch waits for, then {@code saveState()} of the step. After a restart that action is the
 *       source of truth: this execution's own fields may be older, or (PERFORMANCE_OPTIMIZED) lost.
 *   <li>{@link #stop} remembers its cause and aborts the watch, which cancels the run; the step then fails
 *       with that cause. The context is completed once; a completion after the Pipeline gave up on the step
 *       (a forced termination) is ignored by Pipeline, while the run is cancelled all the same.
 * </ul>
 */
public final class CargoRunExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CargoRunExecution.class.getName());

    /** Only for {@link #start()}: the plan is what is kept. */
    private final transient CargoWaitingStep step;
    /** Set by {@link #start()}; kept in the program state, so a restart before any save starts afresh. */
    private WatchPlan plan;
    /** The build's action of this step's run. */
    private String actionId;

    private transient volatile RunWatch watch;
    /** The cause {@link #stop} was given first; guarded by {@code this}. */
    private transient Throwable stopCause;
    /** Whether the context was completed by this execution; guarded by {@code this}. */
    private transient boolean completed;
    private transient Run<?, ?> run;
    private transient TaskListener listener;
    private transient CargoRunAction action;

    CargoRunExecution(StepContext context, CargoWaitingStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        StepContext context = getContext();
        run = context.get(Run.class);
        listener = context.get(TaskListener.class);
        try {
            CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
            plan = step.plan(new StepOptions.Defaults(config.getDefaultPollIntervalSeconds(), config.getDefaultTimeoutMinutes()),
                    config.apiUrl().toString());
        } catch (IllegalArgumentException badInput) {
            context.onFailure(new AbortException(badInput.getMessage()));
            return true;
        }
        action = attachAction();
        actionId = action.getId();
        begin(false);
        return false;
    }

    @Override
    public void onResume() {
        StepContext context = getContext();
        try {
            run = context.get(Run.class);
            listener = context.get(TaskListener.class);
        } catch (IOException | InterruptedException e) {
            context.onFailure(e);
            return;
        }
        if (plan == null) {
            context.onFailure(new AbortException(Messages.CargoRunExecution_NoPlan()));
            return;
        }
        action = actionId == null ? null : CargoRunAction.find(run, actionId);
        if (action == null) {
            // build.xml was never written with the action, so the create was never sent: start afresh.
            action = attachAction();
            actionId = action.getId();
        }
        CargoRunRecord record = action.getRecord();
        if (record.getFailure() != null && !record.isLive()) {
            // The watch had already failed, and recorded it, when the controller went down.
            complete(null, new AbortException(record.getFailure()));
            return;
        }
        begin(true);
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        RunWatch current;
        synchronized (this) {
            if (stopCause == null) {
                stopCause = cause;
            }
            current = watch;
        }
        // Without a watch yet, the writer sees the cause before it starts one.
        if (current != null) {
            current.abort();
        }
    }

    /** Only reads a field: called on a timer thread, with a time limit, for thread dumps. */
    @Override
    public String getStatus() {
        RunWatch current = watch;
        if (current != null) {
            return current.describe();
        }
        return plan == null ? null : "looking up the Cargo credential";
    }

    private CargoRunAction attachAction() {
        if (plan.isJoin()) {
            CargoRunAction existing = CargoRunAction.reusableFor(run, plan.runUuidToJoin());
            if (existing != null) {
                existing.update(record -> record.joined(plan.apiUrl(), plan.credentialsId()));
                return existing;
            }
        }
        return CargoRunAction.attach(run, plan.newRecord(CargoRunRecord.Origin.PIPELINE_STEP));
    }

    /** Hands the start (or resumption) of the watch to the writer thread. */
    private void begin(boolean resuming) {
        CargoRuntime runtime = CargoRuntime.get();
        try {
            runtime.writer().execute(() -> startWatch(runtime, resuming));
        } catch (RejectedExecutionException shuttingDown) {
            // Only while Jenkins shuts down; the step resumes after the restart.
            LOGGER.log(Level.FINE, "Not starting a Cargo run watch for " + run + " while Jenkins shuts down", shuttingDown);
        }
    }

    /** On the writer: the credential, then the watch. */
    private void startWatch(CargoRuntime runtime, boolean resuming) {
        RunWatch started;
        Throwable stop;
        try {
            CargoApiUrl apiUrl = CargoApiUrl.parse(plan.apiUrl());
            TokenSource tokens = CargoCredentials.tokenSource(run, plan.credentialsId(), apiUrl);
            CargoClient client = runtime.client(apiUrl, tokens);
            WatchHost host = host(runtime);
            synchronized (this) {
                stop = stopCause;
                if (stop != null && !resuming) {
                    // Stopped before anything was sent: send nothing.
                    started = null;
                } else {
                    started = resuming
                            ? plan.resume(runtime.watcher(), action.getRecord(), client, host)
                            : plan.start(runtime.watcher(), client, host);
                    watch = runtime.track(action.key(), started);
                }
            }
        } catch (AbortException | CargoException | RuntimeException | LinkageError e) {
            // A LinkageError too (a plugin of a version this one was not built against): the step must end.
            ended(null, e);
            return;
        }
        if (started == null) {
            ended(null, new AbortException(Messages.CargoRunExecution_StoppedBeforeCreate()));
            return;
        }
        if (stop != null) {
            started.abort();
        }
        started.outcome().whenComplete((outcome, failure) -> {
            try {
                runtime.writer().execute(() -> ended(outcome, failure));
            } catch (RejectedExecutionException shuttingDown) {
                complete(outcome, failure);
            }
        });
    }

    private WatchHost host(CargoRuntime runtime) {
        PrintStream console = listener.getLogger();
        return new BuildWatchHost(console::println, runtime.writer(), state -> {
            action.recordState(state);
            run.save();
        }, this::saveProgram);
    }

    /** After the action was written: the step's program state too (a no-op under PERFORMANCE_OPTIMIZED). */
    private void saveProgram() {
        synchronized (this) {
            if (completed) {
                return;
            }
        }
        getContext().saveState();
    }

    /** On the writer: records how the watch ended in the build's action, writes the build, completes the step. */
    private void ended(@CheckForNull RunOutcome outcome, @CheckForNull Throwable failure) {
        if (outcome != null) {
            action.recordOutcome(outcome);
        } else {
            Throwable cause = StepCompletion.unwrap(failure);
            action.recordFailure(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save " + run + " after its Cargo run ended", e);
        }
        complete(outcome, failure);
    }

    /** Completes the context once, as {@link StepCompletion} decides. */
    private void complete(@CheckForNull RunOutcome outcome, @CheckForNull Throwable failure) {
        Throwable stop;
        synchronized (this) {
            if (completed) {
                return;
            }
            completed = true;
            stop = stopCause;
        }
        StepContext context = getContext();
        StepCompletion decision = outcome != null
                ? StepCompletion.forOutcome(outcome.result(), outcome.endReason(), RunSummary.of(action.getRecord()),
                        plan.propagate(), stop != null)
                : StepCompletion.forFailure(failure, stop != null);
        BuildResult resultToSet = decision.buildResult();
        if (resultToSet != null) {
            context.setResult(JenkinsResults.of(resultToSet));
        }
        switch (decision.kind()) {
            case RETURN_OUTCOME -> context.onSuccess(outcome.toMap());
            case FAIL -> context.onFailure(new AbortException(decision.message()));
            case FAIL_WITH_STOP_CAUSE -> context.onFailure(stop);
            case FAIL_ABORTED -> {
                if (decision.message() != null) {
                    listener.getLogger().println(decision.message());
                }
                context.onFailure(new FlowInterruptedException(Result.ABORTED, true));
            }
            case FAIL_UNEXPECTED -> context.onFailure(StepCompletion.unwrap(failure));
        }
    }
}
