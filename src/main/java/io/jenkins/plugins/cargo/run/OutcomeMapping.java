package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.RunStatus;
import java.io.Serializable;
import java.util.Objects;

/**
 * Which build result each terminal run status gives. {@code success} always gives SUCCESS; the other
 * three are the user's choice, with defaults that never let a failed run pass silently.
 */
public final class OutcomeMapping implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final OutcomeMapping DEFAULTS =
            new OutcomeMapping(BuildResult.FAILURE, BuildResult.ABORTED, BuildResult.UNSTABLE);

    private final BuildResult onError;
    private final BuildResult onCancelled;
    private final BuildResult onSkipped;

    private OutcomeMapping(BuildResult onError, BuildResult onCancelled, BuildResult onSkipped) {
        this.onError = Objects.requireNonNull(onError);
        this.onCancelled = Objects.requireNonNull(onCancelled);
        this.onSkipped = Objects.requireNonNull(onSkipped);
    }

    /** error → FAILURE, cancelled → ABORTED, skipped → UNSTABLE. */
    public static OutcomeMapping defaults() {
        return DEFAULTS;
    }

    public OutcomeMapping onError(BuildResult result) {
        return new OutcomeMapping(result, onCancelled, onSkipped);
    }

    public OutcomeMapping onCancelled(BuildResult result) {
        return new OutcomeMapping(onError, result, onSkipped);
    }

    public OutcomeMapping onSkipped(BuildResult result) {
        return new OutcomeMapping(onError, onCancelled, result);
    }

    public BuildResult onError() {
        return onError;
    }

    public BuildResult onCancelled() {
        return onCancelled;
    }

    public BuildResult onSkipped() {
        return onSkipped;
    }

    /** The result for a terminal status. */
    public BuildResult resultFor(RunStatus status) {
        if (status.isSuccess()) {
            return BuildResult.SUCCESS;
        }
        if (RunStatus.CANCELLED.equals(status)) {
            return onCancelled;
        }
        if (RunStatus.SKIPPED.equals(status)) {
            return onSkipped;
        }
        return onError;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutcomeMapping that
                && onError == that.onError
                && onCancelled == that.onCancelled
                && onSkipped == that.onSkipped;
    }

    @Override
    public int hashCode() {
        return Objects.hash(onError, onCancelled, onSkipped);
    }

    @Override
    public String toString() {
        return "error→" + onError + ", cancelled→" + onCancelled + ", skipped→" + onSkipped;
    }
}
