package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** How a step ends for each way its watch can end. */
class StepCompletionTest {
    private static final String SUMMARY = "Cargo run X ended with status error; build result FAILURE.";

    @Test
    void successReturnsTheOutcome() {
        assertDecision(StepCompletion.Kind.RETURN_OUTCOME, null, null, outcome(BuildResult.SUCCESS, EndReason.FINISHED, true));
        assertDecision(StepCompletion.Kind.RETURN_OUTCOME, null, null, outcome(BuildResult.SUCCESS, EndReason.NOT_WAITED, true));
    }

    @Test
    void unstableMarksTheBuildAndReturnsTheOutcome() {
        assertDecision(StepCompletion.Kind.RETURN_OUTCOME, BuildResult.UNSTABLE, null,
                outcome(BuildResult.UNSTABLE, EndReason.FINISHED, true));
    }

    @Test
    void failureFailsTheStepWithTheSummaryAndLeavesTheResultToTheError() {
        assertDecision(StepCompletion.Kind.FAIL, null, SUMMARY, outcome(BuildResult.FAILURE, EndReason.FINISHED, true));
        assertDecision(StepCompletion.Kind.FAIL, null, SUMMARY, outcome(BuildResult.FAILURE, EndReason.TIMED_OUT, true));
    }

    @Test
    void aRunCancelledInCargoMakesTheBuildAborted() {
        assertDecision(StepCompletion.Kind.FAIL, BuildResult.ABORTED, SUMMARY, outcome(BuildResult.ABORTED, EndReason.FINISHED, true));
    }

    @Test
    void withoutPropagateEveryOutcomeIsReturnedAndTheBuildResultLeftAlone() {
        for (BuildResult result : BuildResult.values()) {
            assertDecision(StepCompletion.Kind.RETURN_OUTCOME, null, null, outcome(result, EndReason.FINISHED, false));
        }
        assertDecision(StepCompletion.Kind.RETURN_OUTCOME, null, null, outcome(BuildResult.FAILURE, EndReason.TIMED_OUT, false));
    }

    @Test
    void aStoppedStepFailsWithTheStopsCauseWhateverTheRunDid() {
        for (BuildResult result : BuildResult.values()) {
            for (EndReason reason : EndReason.values()) {
                assertDecision(StepCompletion.Kind.FAIL_WITH_STOP_CAUSE, null, null,
                        StepCompletion.forOutcome(result, reason, SUMMARY, true, true));
                assertDecision(StepCompletion.Kind.FAIL_WITH_STOP_CAUSE, null, null,
                        StepCompletion.forOutcome(result, reason, SUMMARY, false, true));
            }
        }
        assertDecision(StepCompletion.Kind.FAIL_WITH_STOP_CAUSE, null, null,
                StepCompletion.forFailure(new CancellationException("Aborted before the Cargo run was created"), true));
        assertDecision(StepCompletion.Kind.FAIL_WITH_STOP_CAUSE, null, null,
                StepCompletion.forFailure(new CargoException("gone", 404, null, null), true));
    }

    @Test
    void anAbortWhoseCauseWasLostInARestartStillAbortsEvenWithoutPropagate() {
        assertDecision(StepCompletion.Kind.FAIL_ABORTED, null, SUMMARY, outcome(BuildResult.ABORTED, EndReason.ABORTED, true));
        assertDecision(StepCompletion.Kind.FAIL_ABORTED, null, SUMMARY, outcome(BuildResult.ABORTED, EndReason.ABORTED, false));
        assertDecision(StepCompletion.Kind.FAIL_ABORTED, null, "no run was created",
                StepCompletion.forFailure(new CancellationException("no run was created"), false));
    }

    @Test
    void aWatchThatCouldNotFollowTheRunFailsWithItsMessage() {
        CargoException refused = new CargoException("Cargo refused the API token (HTTP 401). Check the credential.", 401, null, null);
        assertDecision(StepCompletion.Kind.FAIL, null, refused.getMessage(), StepCompletion.forFailure(refused, false));
        assertDecision(StepCompletion.Kind.FAIL, null, refused.getMessage(),
                StepCompletion.forFailure(new CompletionException(refused), false));
        assertDecision(StepCompletion.Kind.FAIL, null, refused.getMessage(),
                StepCompletion.forFailure(new ExecutionException(new CompletionException(refused)), false));
        assertDecision(StepCompletion.Kind.FAIL, null, "runUuid is missing.",
                StepCompletion.forFailure(new IllegalArgumentException("runUuid is missing."), false));
    }

    @Test
    void anUnexpectedErrorIsPassedOnAsItIs() {
        assertDecision(StepCompletion.Kind.FAIL_UNEXPECTED, null, null,
                StepCompletion.forFailure(new CompletionException(new NullPointerException()), false));
        assertEquals(NullPointerException.class,
                StepCompletion.unwrap(new CompletionException(new NullPointerException())).getClass());
    }

    private static StepCompletion outcome(BuildResult result, EndReason reason, boolean propagate) {
        return StepCompletion.forOutcome(result, reason, SUMMARY, propagate, false);
    }

    private static void assertDecision(StepCompletion.Kind kind, BuildResult buildResult, String message, StepCompletion actual) {
        assertEquals(kind, actual.kind(), actual::toString);
        if (buildResult == null) {
            assertNull(actual.buildResult(), actual::toString);
        } else {
            assertEquals(buildResult, actual.buildResult(), actual::toString);
        }
        if (message != null) {
            assertEquals(message, actual.message());
        }
    }
}
