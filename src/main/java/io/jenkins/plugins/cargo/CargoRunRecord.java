package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.WatchState;
import java.math.BigDecimal;

/**
 * What a build knows of one Cargo run it started or followed: which run, how it is going or how it
 * ended, and what is needed to go on with it after a restart (the watch's newest state) or to cancel it
 * when the build ends first (the API URL and the id of the credential; never the token).
 *
 * <p>Immutable: each change makes a new record, so whoever reads one (the build page, XStream writing
 * {@code build.xml}) sees a consistent state. Kept in {@code build.xml} as a field of
 * {@link CargoRunAction}, so it holds only what Jenkins' XStream class filter (JEP-200) writes: strings,
 * booleans, one {@link BigDecimal} and enums; the watch's state goes in as text (see
 * {@link WatchStateCodec}). Never the run's data, its output, or the token.
 */
public final class CargoRunRecord {
    /** Which kind of step made the record. Only the freestyle build step sets environment variables. */
    public enum Origin {
        PIPELINE_STEP,
        BUILD_STEP
    }

    /** What became of a run that was still live when its build ended. */
    public enum BuildEndCancel {
        /** The build did not end while the run was live. */
        NONE,
        /** The watch still following the run was told to cancel it. */
        REQUESTED,
        /** The cancel was sent to Cargo. */
        CANCELLED,
        /** The cancel could not be sent; {@link #getBuildEndProblem()} says why. */
        FAILED,
        /** The run's create may have reached Cargo, but which run it made is not known. */
        NOT_IDENTIFIED
    }

    // Not final: XStream sets them when it reads build.xml. Changed only on fresh copies, in this class.
    private Origin origin;
    private String apiUrl;
    private String credentialsId;
    private String workflowUuid;
    private String releaseUuid;
    private String runUuid;
    private String status;
    private boolean live;
    private BuildResult result;
    private EndReason endReason;
    private BigDecimal creditsUsed;
    private String errorMessage;
    private String failedNodeSlug;
    private String failedNodeTitle;
    private String failedNodeError;
    private String failedNodeIntegration;
    private String traceStatus;
    private String childRunUuid;
    private String childFailedNode;
    private String childError;
    private String failure;
    private String watchState;
    private BuildEndCancel buildEnd;
    private String buildEndProblem;

    private CargoRunRecord() {}

    private CargoRunRecord copy() {
        CargoRunRecord copy = new CargoRunRecord();
        copy.origin = origin;
        copy.apiUrl = apiUrl;
        copy.credentialsId = credentialsId;
        copy.workflowUuid = workflowUuid;
        copy.releaseUuid = releaseUuid;
        copy.runUuid = runUuid;
        copy.status = status;
        copy.live = live;
        copy.result = result;
        copy.endReason = endReason;
        copy.creditsUsed = creditsUsed;
        copy.errorMessage = errorMessage;
        copy.failedNodeSlug = failedNodeSlug;
        copy.failedNodeTitle = failedNodeTitle;
        copy.failedNodeError = failedNodeError;
        copy.failedNodeIntegration = failedNodeIntegration;
        copy.traceStatus = traceStatus;
        copy.childRunUuid = childRunUuid;
        copy.childFailedNode = childFailedNode;
        copy.childError = childError;
        copy.failure = failure;
        copy.watchState = watchState;
        copy.buildEnd = buildEnd;
        copy.buildEndProblem = buildEndProblem;
        return copy;
    }

    /** A run about to be created: live from now on, since the create may go out at any moment. */
    static CargoRunRecord forCreate(Origin origin, String apiUrl, @CheckForNull String credentialsId,
            String workflowUuid, @CheckForNull String releaseUuid) {
        CargoRunRecord record = new CargoRunRecord();
        record.origin = origin;
        record.apiUrl = apiUrl;
        record.credentialsId = credentialsId;
        record.workflowUuid = workflowUuid;
        record.releaseUuid = releaseUuid;
        record.live = true;
        return record;
    }

    /** A run started earlier (by this build or another), followed from now on. */
    static CargoRunRecord forJoin(String apiUrl, @CheckForNull String credentialsId, String runUuid,
            @CheckForNull String workflowUuid) {
        CargoRunRecord record = forCreate(Origin.PIPELINE_STEP, apiUrl, credentialsId, workflowUuid, null);
        record.runUuid = runUuid;
        return record;
    }

    /**
     * This build follows its own run again, one it started without waiting: live again, the earlier end
     * (not waited) forgotten.
     */
    CargoRunRecord joined(String apiUrl, @CheckForNull String credentialsId) {
        CargoRunRecord next = copy();
        next.apiUrl = apiUrl;
        next.credentialsId = credentialsId;
        next.live = true;
        next.result = null;
        next.endReason = null;
        next.failure = null;
        next.watchState = null;
        return next;
    }

    /**
     * The watch saved its state. Before the end, what it knows of the run shows at once; after it, only the
     * state is kept (a save still on its way must not make an ended run look running again).
     */
    CargoRunRecord withWatchState(WatchState state, String encoded) {
        CargoRunRecord next = copy();
        next.watchState = encoded;
        if (!isEnded()) {
            if (state.runUuid() != null) {
                next.runUuid = state.runUuid();
            }
            if (state.workflowUuid() != null) {
                next.workflowUuid = state.workflowUuid();
            }
            if (state.lastStatus() != null) {
                next.status = state.lastStatus();
            }
        }
        return next;
    }

    /**
     * The watch ended with an outcome: the build no longer follows the run, whatever became of it (a run
     * left running at the timeout, or not waited for, was left so on purpose).
     */
    CargoRunRecord ended(RunOutcome outcome) {
        CargoRunRecord next = copy();
        next.live = false;
        next.runUuid = outcome.runUuid();
        if (outcome.workflowUuid() != null) {
            next.workflowUuid = outcome.workflowUuid();
        }
        next.status = outcome.status();
        next.result = outcome.result();
        next.endReason = outcome.endReason();
        next.creditsUsed = outcome.creditsUsed();
        next.errorMessage = outcome.errorMessage();
        next.failedNodeSlug = outcome.failedNodeSlug();
        next.failedNodeTitle = outcome.failedNodeTitle();
        next.failedNodeError = outcome.failedNodeError();
        next.failedNodeIntegration = outcome.failedNodeIntegration();
        next.traceStatus = outcome.traceStatus();
        next.childRunUuid = outcome.childRunUuid();
        next.childFailedNode = outcome.childFailedNode();
        next.childError = outcome.childError();
        next.failure = null;
        return next;
    }

    /**
     * The run could not be followed (a refused token or create, a vanished run, Cargo unreachable for too
     * long, a build aborted before the create): {@code message} says what happened and what to do.
     */
    CargoRunRecord failed(String message) {
        CargoRunRecord next = copy();
        next.live = false;
        next.failure = message;
        return next;
    }

    /** The build ended while a watch in this controller still followed the run: it was told to cancel it. */
    CargoRunRecord cancelRequestedBecauseBuildEnded() {
        CargoRunRecord next = copy();
        next.buildEnd = BuildEndCancel.REQUESTED;
        return next;
    }

    /** The build had ended with no watch left to follow the run; the plugin asked Cargo to cancel it. */
    CargoRunRecord cancelledBecauseBuildEnded() {
        CargoRunRecord next = copy();
        next.live = false;
        next.buildEnd = BuildEndCancel.CANCELLED;
        next.buildEndProblem = null;
        return next;
    }

    /** The build had ended, and cancelling its run failed: {@code problem} says why. */
    CargoRunRecord notCancelledAfterBuildEnded(String problem) {
        CargoRunRecord next = copy();
        next.live = false;
        next.buildEnd = runUuid == null ? BuildEndCancel.NOT_IDENTIFIED : BuildEndCancel.FAILED;
        next.buildEndProblem = problem;
        return next;
    }

    /**
     * Whether the build ended while this run was still live and nothing has been done about it yet. The
     * answer turns false once a cancel was asked for, so the check may run any number of times.
     */
    boolean needsCancelAfterBuildEnded() {
        return live && getBuildEnd() == BuildEndCancel.NONE;
    }

    /** Whether the watch ended: with an outcome, or unable to follow the run. */
    public boolean isEnded() {
        return result != null || failure != null;
    }

    /** Whether a run of this record may be going on in Cargo while the build follows (or should follow) it. */
    public boolean isLive() {
        return live;
    }

    @NonNull
    public Origin getOrigin() {
        return origin == null ? Origin.PIPELINE_STEP : origin;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    /** The credential the build named, or null for the global default. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @CheckForNull
    public String getWorkflowUuid() {
        return workflowUuid;
    }

    @CheckForNull
    public String getReleaseUuid() {
        return releaseUuid;
    }

    /** Null while the run is being created, or if it never was. */
    @CheckForNull
    public String getRunUuid() {
        return runUuid;
    }

    /** Cargo's status as last seen, such as {@code running} or {@code error}. */
    @CheckForNull
    public String getStatus() {
        return status;
    }

    /** The result the run gave the build; null until it ended with an outcome. */
    @CheckForNull
    public BuildResult getResult() {
        return result;
    }

    @CheckForNull
    public EndReason getEndReason() {
        return endReason;
    }

    /** The run's credits; its child runs' too when Cargo's trace was read ({@link #isCreditsFromTrace()}). */
    @CheckForNull
    public BigDecimal getCreditsUsed() {
        return creditsUsed;
    }

    /** Whether {@link #getCreditsUsed()} is the trace's count, child runs included, rather than the run's own executions'. */
    public boolean isCreditsFromTrace() {
        return traceStatus != null;
    }

    /** Cargo's trace status ({@code success}, {@code degraded}, {@code error}, {@code pending}); null when unread. */
    @CheckForNull
    public String getTraceStatus() {
        return traceStatus;
    }

    /** A node failed and its fallback ran, so the run could still finish. */
    public boolean isDegraded() {
        return "degraded".equals(traceStatus);
    }

    /** Cargo's run-level error message. */
    @CheckForNull
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The first node in error, as {@code slug (title)}, or null. */
    @CheckForNull
    public String getFailedNode() {
        if (failedNodeSlug == null && failedNodeTitle == null) {
            return null;
        }
        if (failedNodeTitle == null || failedNodeTitle.equals(failedNodeSlug)) {
            return failedNodeSlug;
        }
        return failedNodeSlug == null ? failedNodeTitle : failedNodeSlug + " (" + failedNodeTitle + ")";
    }

    /** The failing node's error message. */
    @CheckForNull
    public String getFailedNodeError() {
        return failedNodeError;
    }

    /** The integration the failing node used, for a connector node, such as {@code clearbit}. */
    @CheckForNull
    public String getFailedNodeIntegration() {
        return failedNodeIntegration;
    }

    /** The child run the failing node started (a tool node), or null. */
    @CheckForNull
    public String getChildRunUuid() {
        return childRunUuid;
    }

    /** The node at which the child run failed, when it was read. */
    @CheckForNull
    public String getChildFailedNode() {
        return childFailedNode;
    }

    /** The child run's error message, when it was read. */
    @CheckForNull
    public String getChildError() {
        return childError;
    }

    /** Why the run could not be followed, or null. */
    @CheckForNull
    public String getFailure() {
        return failure;
    }

    @NonNull
    public BuildEndCancel getBuildEnd() {
        return buildEnd == null ? BuildEndCancel.NONE : buildEnd;
    }

    @CheckForNull
    public String getBuildEndProblem() {
        return buildEndProblem;
    }

    /** The watch's newest state, as {@link WatchStateCodec} wrote it; null before the first save. */
    @CheckForNull
    String watchState() {
        return watchState;
    }

    /** Short on purpose: the record shows up in logs of the controller. */
    @Override
    public String toString() {
        return "CargoRunRecord[" + runUuid + ", " + status + ", live " + live + ", " + result + "]";
    }
}
