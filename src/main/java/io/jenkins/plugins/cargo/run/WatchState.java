package io.jenkins.plugins.cargo.run;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a wait must remember to go on after a controller restart: which run, until when, how often, what
 * was last seen and which progress lines were already printed. Small on purpose: no run data, no token,
 * no output. The watch owns a live copy; the host gets snapshots to persist.
 *
 * <p>Three shapes matter on resume: no create attempt and no run (nothing was sent: start afresh from the
 * options), a create attempt without a run (the create may have reached Cargo: find its run, never
 * create again), and a run (follow it).
 */
public final class WatchState implements Serializable {
    private static final long serialVersionUID = 2L;

    /** At most this many executions are remembered as printed; a longer run prints a note instead. */
    static final int MAX_REPORTED_EXECUTIONS = 500;

    /** Why a cancel was asked for. */
    public enum CancelReason {
        NONE,
        ABORT,
        TIMEOUT
    }

    final WaitPolicy policy;
    final boolean waitForRun;
    String workflowUuid;
    final String releaseUuid;
    String runUuid;
    /** When the create request was about to be sent (epoch ms), 0 when none may have been sent. */
    long createAttemptStartedAt;
    long waitStartedAt;
    /** Epoch ms after which the wait times out, 0 for none. */
    long deadline;
    long nextDelayMillis;
    String lastStatus;
    /** Executions already printed, by node uuid and pass; see {@link ProgressReporter}. */
    final Set<String> reportedExecutions = new LinkedHashSet<>();
    boolean executionsCapped;
    boolean pendingWarned;
    CancelReason cancelReason = CancelReason.NONE;
    long cancelRequestedAt;
    /** The cancel went out (or Cargo refused it); a cancel asked for but not sent is sent after a restart. */
    boolean cancelSent;
    int pollFailures;
    long firstPollFailureAt;

    WatchState(WaitPolicy policy, boolean waitForRun, String workflowUuid, String releaseUuid) {
        this.policy = policy;
        this.waitForRun = waitForRun;
        this.workflowUuid = workflowUuid;
        this.releaseUuid = releaseUuid;
    }

    WatchState copy() {
        WatchState copy = new WatchState(policy, waitForRun, workflowUuid, releaseUuid);
        copy.runUuid = runUuid;
        copy.createAttemptStartedAt = createAttemptStartedAt;
        copy.waitStartedAt = waitStartedAt;
        copy.deadline = deadline;
        copy.nextDelayMillis = nextDelayMillis;
        copy.lastStatus = lastStatus;
        copy.reportedExecutions.addAll(reportedExecutions);
        copy.executionsCapped = executionsCapped;
        copy.pendingWarned = pendingWarned;
        copy.cancelReason = cancelReason;
        copy.cancelRequestedAt = cancelRequestedAt;
        copy.cancelSent = cancelSent;
        copy.pollFailures = pollFailures;
        copy.firstPollFailureAt = firstPollFailureAt;
        return copy;
    }

    /** The run being followed, or null while it is being created. */
    public String runUuid() {
        return runUuid;
    }

    public String workflowUuid() {
        return workflowUuid;
    }

    public String releaseUuid() {
        return releaseUuid;
    }

    /** The status last seen, or null before the first answer. */
    public String lastStatus() {
        return lastStatus;
    }

    /** Whether a create may have been sent whose run is not known yet. */
    public boolean createMayHaveBeenSent() {
        return runUuid == null && createAttemptStartedAt != 0;
    }

    /** When the last create attempt began, or null when none may have been sent. */
    public Instant createAttemptStartedAt() {
        return createAttemptStartedAt == 0 ? null : Instant.ofEpochMilli(createAttemptStartedAt);
    }

    public boolean waitForRun() {
        return waitForRun;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    /** Whether a cancel was asked for that has not gone out to Cargo yet. */
    public boolean cancelPending() {
        return cancelReason != CancelReason.NONE && !cancelSent;
    }

    public WaitPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "WatchState[" + runUuid + ", " + lastStatus + ", cancel " + cancelReason + "]";
    }
}
