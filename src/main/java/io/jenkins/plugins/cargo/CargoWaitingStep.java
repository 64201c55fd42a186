package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cargo.run.BuildResult;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What {@code cargoRun} and {@code cargoWaitForRun} share: the credential, how to wait, what the run's end
 * makes of the build, and whether a bad end fails the step. Both run as a {@link CargoRunExecution}, which
 * holds no executor and needs no {@code node}.
 */
public abstract class CargoWaitingStep extends Step implements WaitParameters {
    private String credentialsId;
    private Integer pollIntervalSeconds;
    private Integer timeoutMinutes;
    private boolean cancelOnTimeout = true;
    private String resultOnError = BuildResult.FAILURE.name();
    private String resultOnCancelled = BuildResult.ABORTED.name();
    private String resultOnSkipped = BuildResult.UNSTABLE.name();
    private boolean failOnExecutionError;
    private boolean unstableOnDegraded;
    private boolean propagate = true;

    /**
     * The step's plan, checked.
     *
     * @param apiUrl the API URL the build uses (the global configuration's)
     * @throws IllegalArgumentException naming the first bad parameter and the fix
     */
    abstract WatchPlan plan(StepOptions.Defaults defaults, String apiUrl);

    @Override
    public StepExecution start(StepContext context) {
        return new CargoRunExecution(context, this);
    }

    /** The id of a Secret text credential holding the Cargo API token; null for the global default. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = trimmedOrNull(credentialsId);
    }

    @CheckForNull
    @Override
    public Integer getPollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    /** Null (or a blank form field) for the global default. */
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

    /** SUCCESS, UNSTABLE, FAILURE or ABORTED; checked when the step starts. */
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
    public boolean isUnstableOnDegraded() {
        return unstableOnDegraded;
    }

    /** A run that succeeded only because a node's fallback ran (Cargo's trace is degraded) makes the build UNSTABLE. */
    @DataBoundSetter
    public void setUnstableOnDegraded(boolean unstableOnDegraded) {
        this.unstableOnDegraded = unstableOnDegraded;
    }

    /**
     * Whether a run that ends worse than SUCCESS fails the step (the default). When false the step returns
     * the outcome whatever it is and leaves the build result alone, as {@code build(propagate: false)} does.
     */
    public boolean isPropagate() {
        return propagate;
    }

    @DataBoundSetter
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
    }

    private static String orDefault(@CheckForNull String value, BuildResult defaultResult) {
        String trimmed = trimmedOrNull(value);
        return trimmed == null ? defaultResult.name() : trimmed;
    }

    @CheckForNull
    static String trimmedOrNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
