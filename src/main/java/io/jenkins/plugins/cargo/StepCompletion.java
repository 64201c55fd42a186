package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How a step ends once its Cargo run's watch has: the decision alone, as a plain value, which the
 * Pipeline step and the freestyle build step carry out.
 *
 * <ul>
 *   <li>The build was stopped (stop button, {@code timeout}, {@code failFast}): the step fails with the
 *       stop's own cause, whatever the run did meanwhile, so the Pipeline sees the interruption it caused.
 *   <li>The run was cancelled because of an abort this execution no longer knows the cause of (it was
 *       lost in a restart): the step fails as aborted.
 *   <li>SUCCESS: the step returns the outcome.
 *   <li>{@code propagate: false}: the step returns the outcome whatever the result, and leaves the build
 *       result alone.
 *   <li>UNSTABLE: the build becomes UNSTABLE and the step returns the outcome (as the {@code unstable}
 *       step does; the Pipeline goes on).
 *   <li>FAILURE: the step fails with an {@link AbortException} whose message summarises the run; the
 *       build result follows from the error (a script that catches it decides for itself).
 *   <li>ABORTED (the run was cancelled in Cargo, {@code resultOnCancelled} ABORTED): the build becomes
 *       ABORTED and the step fails with the summary, since an error alone would make it FAILURE.
 * </ul>
 *
 * A watch that could not follow its run fails the step with its message (written for users), as an
 * {@link AbortException}; an unexpected error is passed on as it is.
 */
final class StepCompletion {
    enum Kind {
        /** Return the outcome's map. */
        RETURN_OUTCOME,
        /** Fail with an {@link AbortException} of {@link #message()}. */
        FAIL,
        /** Fail with the cause {@code stop} was given. */
        FAIL_WITH_STOP_CAUSE,
        /** Fail as aborted, the original cause being unknown. */
        FAIL_ABORTED,
        /** Fail with the error itself: a bug, not a Cargo problem. */
        FAIL_UNEXPECTED
    }

    private final Kind kind;
    private final BuildResult buildResult;
    private final String message;

    private StepCompletion(Kind kind, @CheckForNull BuildResult buildResult, @CheckForNull String message) {
        this.kind = Objects.requireNonNull(kind);
        this.buildResult = buildResult;
        this.message = message;
    }

    /**
     * @param result the result the outcome gives the build
     * @param endReason why the watch ended
     * @param summary the run's summary, for a failure
     * @param propagate whether a result worse than SUCCESS fails the step
     * @param stopped whether {@code stop} was called on the step
     */
    static StepCompletion forOutcome(BuildResult result, EndReason endReason, String summary, boolean propagate,
            boolean stopped) {
        if (stopped) {
            return new StepCompletion(Kind.FAIL_WITH_STOP_CAUSE, null, null);
        }
        if (endReason == EndReason.ABORTED) {
            return new StepCompletion(Kind.FAIL_ABORTED, null, summary);
        }
        if (result == BuildResult.SUCCESS || !propagate) {
            return new StepCompletion(Kind.RETURN_OUTCOME, null, null);
        }
        return switch (result) {
            case UNSTABLE -> new StepCompletion(Kind.RETURN_OUTCOME, BuildResult.UNSTABLE, null);
            case ABORTED -> new StepCompletion(Kind.FAIL, BuildResult.ABORTED, summary);
            default -> new StepCompletion(Kind.FAIL, null, summary);
        };
    }

    /**
     * The watch ended without an outcome.
     *
     * @param stopped whether {@code stop} was called on the step
     */
    static StepCompletion forFailure(Throwable failure, boolean stopped) {
        Throwable cause = unwrap(failure);
        if (stopped) {
            return new StepCompletion(Kind.FAIL_WITH_STOP_CAUSE, null, null);
        }
        if (cause instanceof CancellationException) {
            return new StepCompletion(Kind.FAIL_ABORTED, null, cause.getMessage());
        }
        if (cause instanceof CargoException || cause instanceof AbortException || cause instanceof IllegalArgumentException) {
            return new StepCompletion(Kind.FAIL, null, cause.getMessage());
        }
        return new StepCompletion(Kind.FAIL_UNEXPECTED, null, null);
    }

    /** The error a future's failure stands for. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    Kind kind() {
        return kind;
    }

    /** The build result to set before completing, or null to leave it. */
    @CheckForNull
    BuildResult buildResult() {
        return buildResult;
    }

    /** The failure's message, for {@link Kind#FAIL} (and a note for {@link Kind#FAIL_ABORTED}). */
    @CheckForNull
    String message() {
        return message;
    }

    @Override
    public String toString() {
        return "StepCompletion[" + kind + ", " + buildResult + "]";
    }
}
