package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.assertNoTokenIn;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.await;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.pipeline;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.record;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.requests;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.useSimulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.RunScript;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code cargoRun} and {@code cargoWaitForRun} in sandboxed Pipelines against the Cargo API simulator. */
@WithJenkins
class CargoRunStepJenkinsTest {
    private static CargoSimulator sim;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = CargoSimulator.start();
        DemoWorkflows.install(sim);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void aRunThatSucceedsReturnsItsOutcomeToTheScript(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "succeeds", """
                def r = cargoRun(workflowUuid: '%s', data: [domain: 'data-marker.example'], credentialsId: '%s')
                echo "status=${r.status} result=${r.result} end=${r.endReason} score=${r.output.end.score} run=${r.runUuid}"
                r.put('seen', true)
                echo "changed=${r.seen} nodes=${r.executions.size()}"
                """.formatted(DemoWorkflows.SUCCEEDS, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        CargoRunRecord record = record(b);
        String run = record.getRunUuid();
        assertNotNull(run);
        j.assertLogContains("Cargo run " + run + " created for workflow " + DemoWorkflows.SUCCEEDS, b);
        j.assertLogContains("status=success result=SUCCESS end=FINISHED score=87 run=" + run, b);
        j.assertLogContains("changed=true nodes=4", b);
        j.assertLogNotContains("data-marker.example", b);
        assertEquals("success", sim.run(run).status());
        assertTrue(sim.run(run).dataJson().contains("data-marker.example"), "the data reached Cargo");
        assertFalse(record.isLive());
        assertEquals(BuildResult.SUCCESS, record.getResult());
        assertEquals("success", record.getStatus());
        assertEquals(DemoWorkflows.SUCCEEDS, record.getWorkflowUuid());
        assertEquals(CREDENTIALS_ID, record.getCredentialsId());
        assertEquals(sim.baseUrl(), record.getApiUrl());
        assertNoTokenIn(b);
    }

    @Test
    void aRunThatFailsFailsTheBuildWithItsSummary(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "fails", """
                cargoRun(workflowUuid: '%s', data: [domain: 'acme.com'], credentialsId: '%s')
                echo 'not reached'
                """.formatted(DemoWorkflows.FAILS_AT_NODE, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        String run = record(b).getRunUuid();
        j.assertLogContains("Cargo run " + run + " ended with status error; build result FAILURE."
                + " Failing node: " + DemoWorkflows.FAILING_NODE, b);
        j.assertLogContains("Cargo says: Node enrich-company failed: Provider timed out after 30 s", b);
        j.assertLogNotContains("not reached", b);
        assertEquals(BuildResult.FAILURE, record(b).getResult());
        assertEquals(DemoWorkflows.FAILING_NODE, record(b).getFailedNode().split(" ")[0]);
        assertNoTokenIn(b);
    }

    @Test
    void withoutPropagateTheScriptGetsTheOutcomeAndTheBuildSucceeds(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "no-propagate", """
                def r = cargoRun(workflowUuid: '%s', data: [:], credentialsId: '%s', propagate: false)
                echo "result=${r.result} status=${r.status} node=${r.failedNode.nodeSlug}"
                """.formatted(DemoWorkflows.FAILS_AT_NODE, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("result=FAILURE status=error node=" + DemoWorkflows.FAILING_NODE, b);
    }

    @Test
    void aSkippedRunMakesTheBuildUnstableAndTheScriptGoesOn(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "skipped", """
                def r = cargoRun(workflowUuid: '%s', data: [:], credentialsId: '%s')
                echo "went on with ${r.status}"
                """.formatted(DemoWorkflows.SKIPPED, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);

        j.assertLogContains("went on with skipped", b);
    }

    @Test
    void tenRunsStartedWithoutWaitingAreJoinedInParallel(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int createsBefore = requests(sim, Endpoint.CREATE, DemoWorkflows.SUCCEEDS).size();
        WorkflowJob p = pipeline(j, "fan-out", """
                def uuids = []
                for (int i = 0; i < 10; i++) {
                    def started = cargoRun(workflowUuid: '%1$s', data: [n: i], wait: false, credentialsId: '%2$s')
                    uuids.add(started.runUuid)
                }
                def branches = [:]
                for (u in uuids) {
                    def uuid = u
                    branches[uuid] = { cargoWaitForRun(runUuid: uuid, credentialsId: '%2$s').status }
                }
                def results = parallel branches
                int succeeded = 0
                for (s in results.values()) {
                    if (s == 'success') {
                        succeeded++
                    }
                }
                echo "succeeded: ${succeeded}"
                """.formatted(DemoWorkflows.SUCCEEDS, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("succeeded: 10", b);
        assertEquals(10, requests(sim, Endpoint.CREATE, DemoWorkflows.SUCCEEDS).size() - createsBefore);
        List<CargoRunAction> actions = b.getActions(CargoRunAction.class);
        assertEquals(10, actions.size(), "each joined run reuses the action of its start");
        for (CargoRunAction action : actions) {
            assertFalse(action.getRecord().isLive());
            assertEquals(EndReason.FINISHED, action.getRecord().getEndReason());
            assertEquals("success", sim.run(action.getRecord().getRunUuid()).status());
        }
    }

    @Test
    void theStopButtonCancelsTheRunAndAbortsTheBuild(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "stopped", """
                cargoRun(workflowUuid: '%s', data: [:], credentialsId: '%s')
                """.formatted(DemoWorkflows.TAKES_A_MINUTE, CREDENTIALS_ID));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("created for workflow " + DemoWorkflows.TAKES_A_MINUTE, b);
        String run = awaitRunUuid(b);

        b.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, requests(sim, Endpoint.CANCEL, run).size(), "Cargo was asked to cancel the run");
        j.assertLogContains("The build was aborted; cancelling Cargo run " + run, b);
        assertEquals("cancelled", sim.run(run).status());
        assertEquals(EndReason.ABORTED, record(b).getEndReason());
        assertFalse(record(b).isLive());
    }

    @Test
    void aTimeoutStepAroundTheRunCancelsIt(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "timeout", """
                timeout(time: 5, unit: 'SECONDS') {
                    cargoRun(workflowUuid: '%s', data: [:], credentialsId: '%s')
                }
                """.formatted(DemoWorkflows.TAKES_A_MINUTE, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.ABORTED, p);

        String run = record(b).getRunUuid();
        j.assertLogContains("Cancelling nested steps due to timeout", b);
        assertEquals(1, requests(sim, Endpoint.CANCEL, run).size());
        // Within the timeout's grace (5 s under JenkinsRule) the watch normally sees the run cancelled; if
        // the grace ends first, the watch still goes on looking.
        await("the run is cancelled", Duration.ofSeconds(30), () -> "cancelled".equals(sim.run(run).status()));
    }

    /**
     * The timeout step's grace is 5 s under JenkinsRule, shorter than the watch's 20 s of looking for the
     * cancel to take: the step is then ended by force. The run is still cancelled, the watch still ends
     * (its late completion is ignored), and the build page says the build ended while the run was live.
     */
    @Test
    void aRunThatOutlastsTheTimeoutsGraceIsStillCancelled(JenkinsRule j) throws Exception {
        useSimulator(sim);
        String workflow = "c0ffee00-0000-4000-8000-0000000000a1";
        sim.script(workflow, RunScript.timeline().createStatus("running")
                .at(Duration.ZERO, "running")
                .at(Duration.ofMinutes(10), "success")
                .cancelPolls(10_000)
                .build());
        WorkflowJob p = pipeline(j, "outlasts", """
                timeout(time: 5, unit: 'SECONDS') {
                    cargoRun(workflowUuid: '%s', data: [:], credentialsId: '%s')
                }
                """.formatted(workflow, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.ABORTED, p);

        String run = record(b).getRunUuid();
        assertEquals(1, requests(sim, Endpoint.CANCEL, run).size(), "the cancel went out at the timeout");
        await("the watch ends after its own grace", Duration.ofSeconds(60), () -> !record(b).isLive());
        assertEquals(EndReason.ABORTED, record(b).getEndReason());
        assertEquals(CargoRunRecord.BuildEndCancel.REQUESTED, record(b).getBuildEnd(),
                "the build ended while the run was live, and the watch still following it was told to cancel it");
    }

    @Test
    void aMissingCredentialFailsBeforeAnyRequest(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int before = sim.requests().size();
        WorkflowJob p = pipeline(j, "no-credential", """
                cargoRun(workflowUuid: '%s', data: [:], credentialsId: 'no-such-credential')
                """.formatted(DemoWorkflows.SUCCEEDS));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("credentialsId 'no-such-credential' names no credential", b);
        assertEquals(before, sim.requests().size(), "nothing was sent to Cargo");
    }

    @Test
    void badInputFailsBeforeAnyRequestNamingTheParameter(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int before = sim.requests().size();
        WorkflowJob p = pipeline(j, "bad-input", """
                cargoRun(workflowUuid: '%s', data: [:], credentialsId: '%s', pollIntervalSeconds: 1)
                """.formatted(DemoWorkflows.SUCCEEDS, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("pollIntervalSeconds is 1; use a value from 2 to 600 seconds", b);
        assertEquals(before, sim.requests().size());
        assertEquals(null, b.getAction(CargoRunAction.class));
    }

    @Test
    void aTextDataAndTheGlobalDefaultCredentialWork(JenkinsRule j) throws Exception {
        useSimulator(sim);
        CargoGlobalConfiguration.get().setDefaultCredentialsId(CREDENTIALS_ID);
        WorkflowJob p = pipeline(j, "text-data", """
                def r = cargoRun workflowUuid: '%s', data: '{"domain": "acme.com", "limit": 10}'
                echo "credits=${r.creditsUsed}"
                """.formatted(DemoWorkflows.SUCCEEDS));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        String run = record(b).getRunUuid();
        assertEquals("{\"domain\":\"acme.com\",\"limit\":10}", sim.run(run).dataJson().replace(" ", ""));
        j.assertLogContains("credits=", b);
        BigDecimal credits = record(b).getCreditsUsed();
        assertNotNull(credits);
    }

    /** The run's uuid once the action has it (it is saved just after the line that names it). */
    private static String awaitRunUuid(WorkflowRun b) throws InterruptedException {
        await("the action knows the run", Duration.ofSeconds(10), () -> record(b).getRunUuid() != null);
        return record(b).getRunUuid();
    }
}
