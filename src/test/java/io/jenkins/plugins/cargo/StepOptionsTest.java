package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.WaitPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps' and the build step's parameters become the core's options, with the global defaults where left out. */
class StepOptionsTest {
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";
    private static final String RELEASE = "11111111-2222-4333-8444-555555555555";
    private static final String RUN = "d4a32217-7754-43b0-8ae4-d0b39281ae66";
    private static final StepOptions.Defaults DEFAULTS = new StepOptions.Defaults(7, 30);

    @Test
    void leftOutPollIntervalAndTimeoutTakeTheGlobalDefaults() {
        RunOptions options = StepOptions.runOptions(new CargoCreateRunStep(WORKFLOW, Map.of("domain", "acme.com")), DEFAULTS);

        assertEquals(WORKFLOW, options.workflowUuid());
        assertEquals("{\"domain\":\"acme.com\"}", options.data().json());
        assertNull(options.releaseUuid());
        assertTrue(options.waitForRun());
        WaitPolicy policy = options.waitPolicy();
        assertEquals(Duration.ofSeconds(7), policy.pollInterval());
        assertEquals(Duration.ofMinutes(30), policy.timeout());
        assertTrue(policy.cancelOnTimeout());
        assertEquals(BuildResult.FAILURE, policy.mapping().onError());
        assertEquals(BuildResult.ABORTED, policy.mapping().onCancelled());
        assertEquals(BuildResult.UNSTABLE, policy.mapping().onSkipped());
        assertFalse(policy.failOnExecutionError());
        assertTrue(policy.waitForCapacity());
        assertTrue(options.validateData(), "data is checked against the form unless turned off");
        assertFalse(policy.unstableOnDegraded());
    }

    @Test
    void everyParameterReachesTheOptions() {
        CargoCreateRunStep step = new CargoCreateRunStep(" " + WORKFLOW + " ", "[1, 2]");
        step.setReleaseUuid(RELEASE);
        step.setWait(false);
        step.setPollIntervalSeconds(10);
        step.setTimeoutMinutes(0);
        step.setCancelOnTimeout(false);
        step.setResultOnError("UNSTABLE");
        step.setResultOnCancelled("failure");
        step.setResultOnSkipped(" SUCCESS ");
        step.setFailOnExecutionError(true);
        step.setWaitForCapacity(false);
        step.setValidateData(false);
        step.setUnstableOnDegraded(true);

        RunOptions options = StepOptions.runOptions(step, DEFAULTS);

        assertEquals(WORKFLOW, options.workflowUuid());
        assertEquals("[1,2]", options.data().json());
        assertEquals(RELEASE, options.releaseUuid());
        assertFalse(options.waitForRun());
        WaitPolicy policy = options.waitPolicy();
        assertEquals(Duration.ofSeconds(10), policy.pollInterval());
        assertFalse(policy.hasTimeout());
        assertFalse(policy.cancelOnTimeout());
        assertEquals(BuildResult.UNSTABLE, policy.mapping().onError());
        assertEquals(BuildResult.FAILURE, policy.mapping().onCancelled());
        assertEquals(BuildResult.SUCCESS, policy.mapping().onSkipped());
        assertTrue(policy.failOnExecutionError());
        assertFalse(policy.waitForCapacity());
        assertFalse(options.validateData());
        assertTrue(policy.unstableOnDegraded());
        assertEquals(1, options.warnings().size(), "a list is sent as it is, with a warning");
    }

    @Test
    void errorsNameTheStepsParameters() {
        assertEquals("workflowUuid is missing. It is the workflowUuid of a Cargo tool (from the tool list), such as"
                        + " 0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f.",
                refusal(new CargoCreateRunStep(null, Map.of())));

        CargoCreateRunStep slow = new CargoCreateRunStep(WORKFLOW, Map.of());
        slow.setPollIntervalSeconds(1);
        assertEquals("pollIntervalSeconds is 1; use a value from 2 to 600 seconds (the default is 5).", refusal(slow));

        CargoCreateRunStep negative = new CargoCreateRunStep(WORKFLOW, Map.of());
        negative.setTimeoutMinutes(-1);
        assertTrue(refusal(negative).startsWith("timeoutMinutes is -1;"));

        CargoCreateRunStep badResult = new CargoCreateRunStep(WORKFLOW, Map.of());
        badResult.setResultOnError("FAILED");
        assertEquals("resultOnError is 'FAILED'; use SUCCESS, UNSTABLE, FAILURE or ABORTED.", refusal(badResult));

        CargoCreateRunStep badSkipped = new CargoCreateRunStep(WORKFLOW, Map.of());
        badSkipped.setResultOnSkipped("NOT_BUILT");
        assertEquals("resultOnSkipped is 'NOT_BUILT'; use SUCCESS, UNSTABLE, FAILURE or ABORTED.", refusal(badSkipped));

        CargoCreateRunStep badRelease = new CargoCreateRunStep(WORKFLOW, Map.of());
        badRelease.setReleaseUuid("latest");
        assertTrue(refusal(badRelease).startsWith("releaseUuid 'latest' is not a UUID."));

        assertTrue(refusal(new CargoCreateRunStep(WORKFLOW, "{oops")).startsWith("data is a string but not valid JSON"));
    }

    @Test
    void blankResultsAndCredentialsMeanTheDefaults() {
        CargoCreateRunStep step = new CargoCreateRunStep(WORKFLOW, Map.of());
        step.setResultOnError("  ");
        step.setResultOnCancelled(null);
        step.setCredentialsId(" ");
        step.setReleaseUuid("");

        assertEquals("FAILURE", step.getResultOnError());
        assertEquals("ABORTED", step.getResultOnCancelled());
        assertNull(step.getCredentialsId());
        assertNull(step.getReleaseUuid());
    }

    @Test
    void aPlanKeepsTheApiUrlCredentialAndPropagate() {
        CargoCreateRunStep step = new CargoCreateRunStep(WORKFLOW, Map.of());
        step.setCredentialsId(" cargo-token ");
        step.setPropagate(false);

        WatchPlan plan = step.plan(DEFAULTS, "https://api.getcargo.io");

        assertFalse(plan.isJoin());
        assertFalse(plan.propagate());
        assertEquals("https://api.getcargo.io", plan.apiUrl());
        assertEquals("cargo-token", plan.credentialsId());
    }

    @Test
    void cargoWaitForRunChecksTheRunUuid() {
        CargoWaitForRunStep step = new CargoWaitForRunStep(RUN);
        step.setWorkflowUuid(WORKFLOW);
        step.setTimeoutMinutes(5);
        WatchPlan plan = step.plan(DEFAULTS, "https://api.getcargo.io");
        assertTrue(plan.isJoin());
        assertEquals(RUN, plan.runUuidToJoin());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new CargoWaitForRunStep(" ").plan(DEFAULTS, "https://api.getcargo.io"));
        assertEquals("runUuid is missing. It is the runUuid a cargoRun returned.", missing.getMessage());

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new CargoWaitForRunStep("run-42").plan(DEFAULTS, "https://api.getcargo.io"));
        assertEquals("runUuid 'run-42' is not a UUID. A UUID has 32 hexadecimal digits in groups of 8-4-4-4-12."
                + " It is the runUuid a cargoRun returned.", bad.getMessage());

        CargoWaitForRunStep badWorkflow = new CargoWaitForRunStep(RUN);
        badWorkflow.setWorkflowUuid("wf");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> badWorkflow.plan(DEFAULTS, "https://x"))
                .getMessage().startsWith("workflowUuid 'wf' is not a UUID."));

        CargoWaitForRunStep badPoll = new CargoWaitForRunStep(RUN);
        badPoll.setPollIntervalSeconds(601);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> badPoll.plan(DEFAULTS, "https://x"))
                .getMessage().startsWith("pollIntervalSeconds is 601;"));
    }

    @Test
    void theBuildStepExpandsVariablesInTheDataAndUuids() {
        CargoRunBuilder builder = new CargoRunBuilder("${WF}", "{\"domain\": \"${DOMAIN}\", \"limit\": ${LIMIT}}");
        builder.setReleaseUuid("${RELEASE}");
        Map<String, String> env = Map.of("WF", WORKFLOW, "DOMAIN", "acme.com", "LIMIT", "10", "RELEASE", RELEASE);

        RunOptions options = StepOptions.runOptions(ExpandedParameters.of(builder, text -> expand(text, env)), DEFAULTS);

        assertEquals(WORKFLOW, options.workflowUuid());
        assertEquals(RELEASE, options.releaseUuid());
        assertEquals("{\"domain\":\"acme.com\",\"limit\":10}", options.data().json());
        assertEquals(Duration.ofSeconds(7), options.waitPolicy().pollInterval());
    }

    @Test
    void theBuildStepMapsTheDataCheckAndTheDegradedResult() {
        CargoRunBuilder defaults = new CargoRunBuilder(WORKFLOW, "{}");
        RunOptions byDefault = StepOptions.runOptions(ExpandedParameters.of(defaults, text -> text), DEFAULTS);
        assertTrue(byDefault.validateData());
        assertFalse(byDefault.waitPolicy().unstableOnDegraded());

        CargoRunBuilder changed = new CargoRunBuilder(WORKFLOW, "{}");
        changed.setValidateData(false);
        changed.setUnstableOnDegraded(true);
        RunOptions options = StepOptions.runOptions(ExpandedParameters.of(changed, text -> text), DEFAULTS);
        assertFalse(options.validateData());
        assertTrue(options.waitPolicy().unstableOnDegraded());
    }

    @Test
    void cargoWaitForRunMapsTheDegradedResult() {
        CargoWaitForRunStep step = new CargoWaitForRunStep(RUN);
        assertFalse(StepOptions.waitPolicy(step, DEFAULTS).unstableOnDegraded());
        step.setUnstableOnDegraded(true);
        assertTrue(StepOptions.waitPolicy(step, DEFAULTS).unstableOnDegraded());
    }

    @Test
    void theFormShowsPipelineDataAsJson() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("domain", "acme.com");
        data.put("tags", List.of("a", "b"));
        assertEquals("{\"domain\":\"acme.com\",\"tags\":[\"a\",\"b\"]}", new CargoCreateRunStep(WORKFLOW, data).getDataAsText());
        assertEquals("{\"a\": 1}", new CargoCreateRunStep(WORKFLOW, "{\"a\": 1}").getDataAsText());
        assertEquals("", new CargoCreateRunStep(WORKFLOW, null).getDataAsText());
        assertEquals("42", new CargoCreateRunStep(WORKFLOW, 42).getDataAsText());
    }

    private static String refusal(CargoCreateRunStep step) {
        return assertThrows(IllegalArgumentException.class, () -> step.plan(DEFAULTS, "https://api.getcargo.io")).getMessage();
    }

    /** What EnvVars.expand does with the references used here. */
    private static String expand(String text, Map<String, String> env) {
        String result = text;
        for (Map.Entry<String, String> entry : env.entrySet()) {
            result = result.replace("${" + entry.getKey() + "}", entry.getValue());
        }
        return result;
    }
}
