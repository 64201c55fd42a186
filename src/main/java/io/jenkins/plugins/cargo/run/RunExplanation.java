package io.jenkins.plugins.cargo.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.CargoTrace;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What was learnt about a finished run beyond the run itself: its trace (whether a node failed and fell
 * back, the credits of its child runs too), and, when the failing node started a child run, where that
 * child run failed. Looked up once, one level deep; any part may be unknown.
 */
final class RunExplanation implements Serializable {
    private static final long serialVersionUID = 1L;

    static final RunExplanation NONE = new RunExplanation(null, null, null, null, null);

    @CheckForNull
    final String traceStatus;
    /** The credits of the run and its child runs, from the trace. */
    @CheckForNull
    final BigDecimal traceCredits;
    @CheckForNull
    final String childRunUuid;
    @CheckForNull
    final String childFailedNode;
    @CheckForNull
    final String childError;

    private RunExplanation(String traceStatus, BigDecimal traceCredits, String childRunUuid, String childFailedNode,
            String childError) {
        this.traceStatus = traceStatus;
        this.traceCredits = traceCredits;
        this.childRunUuid = childRunUuid;
        this.childFailedNode = childFailedNode;
        this.childError = childError;
    }

    RunExplanation withTrace(CargoTrace trace) {
        return new RunExplanation(trace.status(), trace.creditsUsed(), childRunUuid, childFailedNode, childError);
    }

    /** Where the child run a failing tool node started failed in its turn, as far as it was read. */
    RunExplanation withChild(String runUuid, @CheckForNull CargoRun child) {
        CargoExecution failed = child == null ? null : child.firstFailedExecution().orElse(null);
        String error = failed != null ? failed.errorMessage() : child != null ? child.errorMessage() : null;
        return new RunExplanation(traceStatus, traceCredits, runUuid, failed == null ? null : failed.nodeSlug(), error);
    }

    boolean degraded() {
        return "degraded".equals(traceStatus);
    }
}
