package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.pipeline;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.record;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.useSimulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.SimRun;
import java.math.BigDecimal;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * How the end of a run is explained from Cargo's trace and the child run its failing node started: in the
 * log, in the map {@code cargoRun} returns, in the build result ({@code unstableOnDegraded}) and on the
 * build page.
 */
@WithJenkins
class CargoRunExplanationJenkinsTest {
    private static final String DEGRADED_LINE =
            "Cargo's trace of this run is degraded: a node failed and its fallback ran, so the run could still finish.";
    private static final String CHILD_ERROR = "No contact matches jane@acme.com";

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
    void aDegradedRunMakesTheBuildUnstableWhenAsked(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "degraded-unstable", """
                def r = cargoRun(workflowUuid: '%s', data: [domain: 'acme.com'], credentialsId: '%s', unstableOnDegraded: true)
                echo "status=${r.status} result=${r.result} trace=${r.traceStatus} node=${r.failedNode.nodeSlug} via=${r.failedNode.integration}"
                """.formatted(DemoWorkflows.FALLS_BACK, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);

        j.assertLogContains(DEGRADED_LINE, b);
        j.assertLogContains("status=success result=UNSTABLE trace=degraded node=" + DemoWorkflows.FAILING_NODE + " via=clearbit", b);
        CargoRunRecord record = record(b);
        assertEquals(BuildResult.UNSTABLE, record.getResult());
        assertTrue(record.isDegraded());
        assertEquals("clearbit", record.getFailedNodeIntegration());
        String page = summaryText(j, b);
        assertTrue(page.contains("degraded"), page);
        assertTrue(page.contains("through the integration clearbit"), page);
    }

    @Test
    void aDegradedRunIsOnlySaidSoByDefault(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "degraded", """
                def r = cargoRun(workflowUuid: '%s', data: [domain: 'acme.com'], credentialsId: '%s')
                echo "result=${r.result} trace=${r.traceStatus}"
                """.formatted(DemoWorkflows.FALLS_BACK, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains(DEGRADED_LINE, b);
        j.assertLogContains("result=SUCCESS trace=degraded", b);
    }

    @Test
    void theChildRunsFailingNodeIsInTheLogTheMapAndThePage(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "child-run", """
                def r = cargoRun(workflowUuid: '%s', data: [email: 'jane@acme.com'], credentialsId: '%s', propagate: false)
                def child = r.failedNode.childRun
                echo "result=${r.result} node=${r.failedNode.nodeSlug} child=${child.runUuid} childNode=${child.nodeSlug}"
                echo "childError=${child.errorMessage} credits=${r.creditsUsed} trace=${r.traceStatus}"
                """.formatted(DemoWorkflows.CHILD_RUN_FAILS, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        CargoRunRecord record = record(b);
        String child = record.getChildRunUuid();
        SimRun childRun = sim.run(child);
        assertEquals(DemoWorkflows.FAILING_TOOL, childRun.workflowUuid());
        assertEquals(record.getRunUuid(), childRun.parentUuid());
        j.assertLogContains("Failing node: " + DemoWorkflows.FAILING_TOOL_NODE, b);
        j.assertLogContains("It ran child run " + child + ", which failed at node " + DemoWorkflows.FAILING_CHILD_NODE
                + ": " + CHILD_ERROR, b);
        j.assertLogContains("result=FAILURE node=" + DemoWorkflows.FAILING_TOOL_NODE + " child=" + child
                + " childNode=" + DemoWorkflows.FAILING_CHILD_NODE, b);
        j.assertLogContains("childError=" + CHILD_ERROR + " credits=2.01 trace=error", b);
        assertEquals(0, new BigDecimal("2.01").compareTo(record.getCreditsUsed()), "the child run's credits are counted");
        assertTrue(record.isCreditsFromTrace());
        assertEquals(DemoWorkflows.FAILING_CHILD_NODE, record.getChildFailedNode());
        assertEquals(CHILD_ERROR, record.getChildError());

        String page = summaryText(j, b);
        assertTrue(page.contains("Credits used, child runs included: 2.01"), page);
        assertTrue(page.contains("It ran child run " + child + ", which failed at node " + DemoWorkflows.FAILING_CHILD_NODE),
                page);
    }

    @Test
    void aFailedChildRunIsInTheStepsError(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "child-run-fails-the-build", """
                cargoRun(workflowUuid: '%s', data: [email: 'jane@acme.com'], credentialsId: '%s')
                """.formatted(DemoWorkflows.CHILD_RUN_FAILS, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        String child = record(b).getChildRunUuid();
        j.assertLogContains("ended with status error; build result FAILURE.", b);
        j.assertLogContains(Messages.RunSummary_ChildRunFailedAtSaid(child, DemoWorkflows.FAILING_CHILD_NODE, CHILD_ERROR), b);
    }

    @Test
    void theBuildStepMakesADegradedRunUnstableWhenAsked(JenkinsRule j) throws Exception {
        useSimulator(sim);
        FreeStyleProject p = j.createFreeStyleProject();
        CargoRunBuilder step = new CargoRunBuilder(DemoWorkflows.FALLS_BACK, "{\"domain\": \"acme.com\"}");
        step.setCredentialsId(CREDENTIALS_ID);
        step.setUnstableOnDegraded(true);
        p.getBuildersList().add(step);

        FreeStyleBuild b = j.buildAndAssertStatus(Result.UNSTABLE, p);

        j.assertLogContains(DEGRADED_LINE, b);
        assertTrue(record(b).isDegraded());
        assertFalse(record(b).isLive());
    }

    /** The build page's text, where the action's summary shows. */
    private static String summaryText(JenkinsRule j, Run<?, ?> b) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            return web.getPage(b).asNormalizedText();
        }
    }
}
