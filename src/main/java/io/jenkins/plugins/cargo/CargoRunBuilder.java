package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormFillFailure;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.TokenSource;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.RunWatch;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: starts a run of a Cargo workflow and waits for it on the build's executor
 * (a freestyle build holds its executor anyway), with the same options, watch and messages as
 * {@code cargoRun}. {@code ${VAR}} references and build parameters in the data and the UUIDs are expanded.
 * Aborting the build cancels the run. Afterwards {@code CARGO_RUN_UUID}, {@code CARGO_RUN_STATUS} and
 * {@code CARGO_RUN_RESULT} are set for the build steps that follow (the last run wins when a build has
 * several).
 *
 * <p>It has no {@code @Symbol}: in a Pipeline, {@code cargoRun} is the step to use, since it waits without
 * an executor and survives restarts.
 */
public final class CargoRunBuilder extends Builder implements SimpleBuildStep, CreateParameters {
    private static final Logger LOGGER = Logger.getLogger(CargoRunBuilder.class.getName());

    /**
     * How long an aborted build waits for its run to be cancelled: the watch's own bound (20 s of looking
     * after the cancel) and one more read.
     */
    static final Duration ABORT_WAIT = Duration.ofSeconds(20 + 15);

    private final String workflowUuid;
    /** JSON text, such as {@code {"domain": "${DOMAIN}"}}. */
    private final String data;
    private String releaseUuid;
    private String credentialsId;
    private boolean wait = true;
    private Integer pollIntervalSeconds;
    private Integer timeoutMinutes;
    private boolean cancelOnTimeout = true;
    private String resultOnError = BuildResult.FAILURE.name();
    private String resultOnCancelled = BuildResult.ABORTED.name();
    private String resultOnSkipped = BuildResult.UNSTABLE.name();
    private boolean failOnExecutionError;
    private boolean waitForCapacity = true;
    /**
     * Null in a job saved before the option existed: XStream does not run field initializers, so a
     * primitive would read back false there, and the default is true.
     */
    private Boolean validateData = Boolean.TRUE;
    private boolean unstableOnDegraded;

    @DataBoundConstructor
    public CargoRunBuilder(String workflowUuid, String data) {
        this.workflowUuid = CargoWaitingStep.trimmedOrNull(workflowUuid);
        this.data = data;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        PrintStream console = listener.getLogger();
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        WatchPlan plan;
        CargoApiUrl apiUrl;
        try {
            apiUrl = config.apiUrl();
            CreateParameters expanded = ExpandedParameters.of(this, env::expand);
            plan = WatchPlan.create(StepOptions.runOptions(expanded,
                            new StepOptions.Defaults(config.getDefaultPollIntervalSeconds(), config.getDefaultTimeoutMinutes())),
                    true, apiUrl.toString(), credentialsId);
        } catch (IllegalArgumentException badInput) {
            throw new AbortException(badInput.getMessage());
        }
        TokenSource tokens = CargoCredentials.tokenSource(run, credentialsId, apiUrl);
        CargoRuntime runtime = CargoRuntime.get();
        CargoRunAction action = CargoRunAction.attach(run, plan.newRecord(CargoRunRecord.Origin.BUILD_STEP));
        BuildWatchHost host = new BuildWatchHost(console::println, runtime.writer(), state -> {
            action.recordState(state);
            run.save();
        }, () -> {});
        RunWatch watch = runtime.trackBlocking(action.key(),
                plan.start(runtime.watcher(), runtime.client(apiUrl, tokens), host));

        RunOutcome outcome;
        try {
            outcome = watch.outcome().get();
        } catch (InterruptedException aborted) {
            if (!runtime.isClosed()) {
                watch.abort();
                recordWhenEnded(watch, action, run, runtime);
                awaitCancel(watch);
            }
            // Else Jenkins is shutting down, and the shutdown already cancelled the run.
            throw aborted;
        } catch (ExecutionException e) {
            Throwable failure = StepCompletion.unwrap(e);
            action.recordFailure(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            saveQuietly(run, console);
            if (failure instanceof CargoException || failure instanceof IllegalArgumentException) {
                throw new AbortException(failure.getMessage());
            }
            throw new IOException(failure);
        }
        action.recordOutcome(outcome);
        saveQuietly(run, console);
        StepCompletion decision = StepCompletion.forOutcome(outcome.result(), outcome.endReason(),
                RunSummary.of(action.getRecord()), true, false);
        BuildResult resultToSet = decision.buildResult();
        if (resultToSet != null) {
            run.setResult(JenkinsResults.of(resultToSet));
        }
        if (decision.kind() != StepCompletion.Kind.RETURN_OUTCOME) {
            throw new AbortException(decision.message());
        }
    }

    /**
     * The build was aborted: records how the watch ends whenever it does (the build may be over by then),
     * on the writer, like every other write of the build's state.
     */
    private static void recordWhenEnded(RunWatch watch, CargoRunAction action, Run<?, ?> run, CargoRuntime runtime) {
        watch.outcome().whenComplete((outcome, failure) -> {
            try {
                runtime.writer().execute(() -> {
                    if (outcome != null) {
                        action.recordOutcome(outcome);
                    } else {
                        Throwable cause = StepCompletion.unwrap(failure);
                        action.recordFailure(cause.getMessage() == null ? cause.toString() : cause.getMessage());
                    }
                    try {
                        run.save();
                    } catch (IOException e) {
                        LOGGER.log(Level.WARNING, "Could not save " + run + " after its Cargo run was cancelled", e);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                LOGGER.log(Level.FINE, "Shutting down before the cancelled Cargo run of " + run + " was recorded", shuttingDown);
            }
        });
    }

    /** Waits, bounded, for the watch to see the run cancelled, so the build ends once the cancel took. */
    private static void awaitCancel(RunWatch watch) {
        try {
            watch.outcome().get(ABORT_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException again) {
            // Aborted once more: stop waiting; the watch goes on cancelling on its own.
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Recorded by recordWhenEnded; the build ends aborted either way.
        }
    }

    private static void saveQuietly(Run<?, ?> run, PrintStream console) {
        try {
            run.save();
        } catch (IOException e) {
            console.println("Could not save the build after its Cargo run ended: " + e.getMessage());
        }
    }

    @Override
    public String getWorkflowUuid() {
        return workflowUuid;
    }

    @Override
    public String getData() {
        return data;
    }

    @CheckForNull
    @Override
    public String getReleaseUuid() {
        return releaseUuid;
    }

    @DataBoundSetter
    public void setReleaseUuid(@CheckForNull String releaseUuid) {
        this.releaseUuid = CargoWaitingStep.trimmedOrNull(releaseUuid);
    }

    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = CargoWaitingStep.trimmedOrNull(credentialsId);
    }

    @Override
    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    @CheckForNull
    @Override
    public Integer getPollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    @DataBoundSetter
    public void setPollIntervalSeconds(@CheckForNull Integer pollIntervalSeconds) {
        this.pollIntervalSeconds = pollIntervalSeconds;
    }

    @CheckForNull
    @Override
    public Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(@CheckForNull Integer timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    public boolean isCancelOnTimeout() {
        return cancelOnTimeout;
    }

    @DataBoundSetter
    public void setCancelOnTimeout(boolean cancelOnTimeout) {
        this.cancelOnTimeout = cancelOnTimeout;
    }

    @Override
    public String getResultOnError() {
        return resultOnError;
    }

    @DataBoundSetter
    public void setResultOnError(@CheckForNull String resultOnError) {
        this.resultOnError = orDefault(resultOnError, BuildResult.FAILURE);
    }

    @Override
    public String getResultOnCancelled() {
        return resultOnCancelled;
    }

    @DataBoundSetter
    public void setResultOnCancelled(@CheckForNull String resultOnCancelled) {
        this.resultOnCancelled = orDefault(resultOnCancelled, BuildResult.ABORTED);
    }

    @Override
    public String getResultOnSkipped() {
        return resultOnSkipped;
    }

    @DataBoundSetter
    public void setResultOnSkipped(@CheckForNull String resultOnSkipped) {
        this.resultOnSkipped = orDefault(resultOnSkipped, BuildResult.UNSTABLE);
    }

    @Override
    public boolean isFailOnExecutionError() {
        return failOnExecutionError;
    }

    @DataBoundSetter
    public void setFailOnExecutionError(boolean failOnExecutionError) {
        this.failOnExecutionError = failOnExecutionError;
    }

    @Override
    public boolean isWaitForCapacity() {
        return waitForCapacity;
    }

    @DataBoundSetter
    public void setWaitForCapacity(boolean waitForCapacity) {
        this.waitForCapacity = waitForCapacity;
    }

    @Override
    public boolean isValidateData() {
        return validateData == null || validateData;
    }

    @DataBoundSetter
    public void setValidateData(boolean validateData) {
        this.validateData = validateData;
    }

    @Override
    public boolean isUnstableOnDegraded() {
        return unstableOnDegraded;
    }

    @DataBoundSetter
    public void setUnstableOnDegraded(boolean unstableOnDegraded) {
        this.unstableOnDegraded = unstableOnDegraded;
    }

    private static String orDefault(@CheckForNull String value, BuildResult defaultResult) {
        String trimmed = CargoWaitingStep.trimmedOrNull(value);
        return trimmed == null ? defaultResult.name() : trimmed;
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        @SuppressWarnings("rawtypes") // as declared by BuildStepDescriptor
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CargoRunBuilder_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String credentialsId) {
            return CargoForms.fillCredentialsIdItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return CargoForms.checkCredentialsId(item, value);
        }

        @POST
        public FormValidation doCheckWorkflowUuid(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return expression(value) ? FormValidation.ok() : CargoForms.checkUuid(item, "workflowUuid", value, true);
        }

        @POST
        public FormValidation doCheckReleaseUuid(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return expression(value) ? FormValidation.ok() : CargoForms.checkUuid(item, "releaseUuid", value, false);
        }

        /**
         * The data, checked against the input form of the release that would run (see {@link CargoForms}); only
         * its syntax while the workflow or the release is a {@code ${VAR}}.
         */
        @POST
        public FormValidation doCheckData(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value, @QueryParameter @CheckForNull String credentialsId,
                @QueryParameter @CheckForNull String workflowUuid, @QueryParameter @CheckForNull String releaseUuid) {
            return expression(value) ? FormValidation.ok()
                    : CargoForms.checkData(item, value, credentialsId, workflowUuid, releaseUuid);
        }

        /** The tools of the chosen credential's workspace by name; follows the credential. */
        @POST
        public ListBoxModel doFillWorkflowUuidItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String credentialsId, @QueryParameter @CheckForNull String workflowUuid)
                throws FormFillFailure {
            return CargoForms.fillWorkflowUuidItems(item, credentialsId, workflowUuid);
        }

        /** The chosen workflow's releases, deployed first; follows the workflow and the credential. */
        @POST
        public ListBoxModel doFillReleaseUuidItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String credentialsId, @QueryParameter @CheckForNull String workflowUuid,
                @QueryParameter @CheckForNull String releaseUuid) throws FormFillFailure {
            return CargoForms.fillReleaseUuidItems(item, credentialsId, workflowUuid, releaseUuid);
        }

        @POST
        public FormValidation doCheckPollIntervalSeconds(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return CargoForms.checkPollIntervalSeconds(item, value);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return CargoForms.checkTimeoutMinutes(item, value);
        }

        @POST
        public ListBoxModel doFillResultOnErrorItems() {
            return CargoStepDescriptor.resultItems();
        }

        @POST
        public ListBoxModel doFillResultOnCancelledItems() {
            return CargoStepDescriptor.resultItems();
        }

        @POST
        public ListBoxModel doFillResultOnSkippedItems() {
            return CargoStepDescriptor.resultItems();
        }

        /** A value with {@code ${…}} is only known when the build runs, so the form does not judge it. */
        private static boolean expression(@CheckForNull String value) {
            return value != null && value.contains("${");
        }
    }
}
