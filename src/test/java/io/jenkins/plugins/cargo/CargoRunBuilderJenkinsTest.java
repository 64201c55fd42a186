package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.assertNoTokenIn;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.await;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.record;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.requests;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.useSimulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.tasks.Builder;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step against the Cargo API simulator. */
@WithJenkins
class CargoRunBuilderJenkinsTest {
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
    void aRunThatSucceedsLeavesItsVariablesForTheStepsAfterIt(JenkinsRule j) throws Exception {
        useSimulator(sim);
        FreeStyleProject p = j.createFreeStyleProject();
        p.addProperty(new ParametersDefinitionProperty(
                new StringParameterDefinition("DOMAIN", "param-marker.example"),
                new StringParameterDefinition("WORKFLOW", DemoWorkflows.SUCCEEDS)));
        CargoRunBuilder step = new CargoRunBuilder("${WORKFLOW}", "{\"domain\": \"${DOMAIN}\"}");
        step.setCredentialsId(CREDENTIALS_ID);
        p.getBuildersList().add(step);
        Map<String, String> seen = new HashMap<>();
        p.getBuildersList().add(envReader(seen));

        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        String run = record(b).getRunUuid();
        j.assertLogContains("Cargo run " + run + " created for workflow " + DemoWorkflows.SUCCEEDS, b);
        j.assertLogNotContains("param-marker.example", b);
        assertTrue(sim.run(run).dataJson().contains("param-marker.example"), "the parameter was expanded in the data");
        assertEquals(run, seen.get("CARGO_RUN_UUID"));
        assertEquals("success", seen.get("CARGO_RUN_STATUS"));
        assertEquals("SUCCESS", seen.get("CARGO_RUN_RESULT"));
        assertEquals(CargoRunRecord.Origin.BUILD_STEP, record(b).getOrigin());
        assertNoTokenIn(b);
    }

    @Test
    void aRunThatFailsFailsTheBuildWithItsSummary(JenkinsRule j) throws Exception {
        useSimulator(sim);
        FreeStyleProject p = j.createFreeStyleProject();
        CargoRunBuilder step = new CargoRunBuilder(DemoWorkflows.FAILS_AT_NODE, "{}");
        step.setCredentialsId(CREDENTIALS_ID);
        p.getBuildersList().add(step);

        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);

        String run = record(b).getRunUuid();
        j.assertLogContains("Cargo run " + run + " ended with status error; build result FAILURE."
                + " Failing node: " + DemoWorkflows.FAILING_NODE, b);
        assertEquals(BuildResult.FAILURE, record(b).getResult());
        Map<String, String> env = b.getEnvironment(hudson.model.TaskListener.NULL);
        assertEquals(run, env.get("CARGO_RUN_UUID"));
        assertEquals("error", env.get("CARGO_RUN_STATUS"));
        assertEquals("FAILURE", env.get("CARGO_RUN_RESULT"));
    }

    @Test
    void aSkippedRunMakesTheBuildUnstable(JenkinsRule j) throws Exception {
        useSimulator(sim);
        FreeStyleProject p = j.createFreeStyleProject();
        CargoRunBuilder step = new CargoRunBuilder(DemoWorkflows.SKIPPED, "{}");
        step.setCredentialsId(CREDENTIALS_ID);
        p.getBuildersList().add(step);
        Map<String, String> seen = new HashMap<>();
        p.getBuildersList().add(envReader(seen));

        j.buildAndAssertStatus(Result.UNSTABLE, p);

        assertEquals("UNSTABLE", seen.get("CARGO_RUN_RESULT"), "the steps after it still run");
    }

    @Test
    void abortingTheBuildCancelsTheRun(JenkinsRule j) throws Exception {
        useSimulator(sim);
        FreeStyleProject p = j.createFreeStyleProject();
        CargoRunBuilder step = new CargoRunBuilder(DemoWorkflows.TAKES_A_MINUTE, "{}");
        step.setCredentialsId(CREDENTIALS_ID);
        p.getBuildersList().add(step);
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("created for workflow " + DemoWorkflows.TAKES_A_MINUTE, b);
        await("the action knows the run", Duration.ofSeconds(10), () -> record(b).getRunUuid() != null);
        String run = record(b).getRunUuid();

        b.getExecutor().interrupt();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertEquals(1, requests(sim, Endpoint.CANCEL, run).size());
        assertEquals("cancelled", sim.run(run).status());
        await("the action records how the run ended", Duration.ofSeconds(10), () -> !record(b).isLive());
        assertEquals(EndReason.ABORTED, record(b).getEndReason());
    }

    @Test
    void aMissingCredentialFailsBeforeAnyRequest(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int before = sim.requests().size();
        FreeStyleProject p = j.createFreeStyleProject();
        CargoRunBuilder step = new CargoRunBuilder(DemoWorkflows.SUCCEEDS, "{}");
        step.setCredentialsId("no-such-credential");
        p.getBuildersList().add(step);

        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("credentialsId 'no-such-credential' names no credential", b);
        assertEquals(before, sim.requests().size());
    }

    @Test
    void theFormKeepsEveryField(JenkinsRule j) throws Exception {
        CargoRunBuilder before = new CargoRunBuilder(DemoWorkflows.SUCCEEDS, "{\"domain\": \"${DOMAIN}\"}");
        before.setCredentialsId(CREDENTIALS_ID);
        before.setReleaseUuid("11111111-2222-4333-8444-555555555555");
        before.setWait(false);
        before.setPollIntervalSeconds(10);
        before.setTimeoutMinutes(0);
        before.setCancelOnTimeout(false);
        before.setResultOnError("UNSTABLE");
        before.setResultOnCancelled("FAILURE");
        before.setResultOnSkipped("SUCCESS");
        before.setFailOnExecutionError(true);
        before.setWaitForCapacity(false);
        before.setValidateData(false);
        before.setUnstableOnDegraded(true);

        j.assertEqualDataBoundBeans(before, j.configRoundtrip(before));
        CargoRunBuilder defaults = new CargoRunBuilder(DemoWorkflows.SUCCEEDS, "{}");
        j.assertEqualDataBoundBeans(defaults, j.configRoundtrip(defaults));
    }

    /** A build step that reads the build's environment, as any later build step would. */
    private static Builder envReader(Map<String, String> seen) {
        return TestBuilder.of((build, launcher, listener) -> seen.putAll(build.getEnvironment(listener)));
    }
}
