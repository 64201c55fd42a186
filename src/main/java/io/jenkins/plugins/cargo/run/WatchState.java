package io.jenkins.plugins.cargo.run;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a wait must remember to go on after a controller restart: which run, until when, how often, what
 * was last seen and which progress lines were already printed. Small on purpose: no run data, no token,
 * no output. The watch owns a live copy; callers get snapshots to persist.
 */
public final class WatchState implements Serializable {
    private static final long serialVersionUID = 1L;

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
    /** When the create request was about to be sent (epoch ms), 0 before; kept to find its run after a restart. */
    long createAttemptStartedAt;
    long waitStartedAt;
    /** Epoch ms after which the wait times out, 0 for none. */
    long deadline;
    long nextDelayMillis;
    String lastStatus;
    final Set<String> reportedExecutions = new LinkedHashSet<>();
    boolean pendingWarned;
    CancelReason cancelReason = CancelReason.NONE;
    long cancelRequestedAt;
    boolean cancelSent;
    int pollFailures;
    long firstPollFailureAt;
    /** Which snapshot of its watch this is: a higher number is newer. */
    long sequence;

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
        copy.pendingWarned = pendingWarned;
        copy.cancelReason = cancelReason;
        copy.cancelRequestedAt = cancelRequestedAt;
        copy.cancelSent = cancelSent;
        copy.pollFailures = pollFailures;
        copy.firstPollFailureAt = firstPollFailureAt;
        copy.sequence = sequence;
        return copy;
    }

    /** Numbers the snapshots of one watch: when two arrive out of order, keep the higher. */
    public long sequence() {
        return sequence;
    }

    /** The run being followed, or null while it is being created. */
    public String runUuid() {
        return runUuid;
    }

    public String workflowUuid() {
        return workflowUuid;
    }

    /** The status last seen, or null before the first answer. */
    public String lastStatus() {
        return lastStatus;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    public WaitPolicy policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "WatchState[" + runUuid + ", " + lastStatus + ", cancel " + cancelReason + "]";
    }
}
