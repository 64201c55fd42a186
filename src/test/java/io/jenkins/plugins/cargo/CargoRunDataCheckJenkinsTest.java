package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.assertNoTokenIn;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.pipeline;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.record;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.requests;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.useSimulator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code validateData}: data is checked against the input form of the release that would run before any
 * create, in a Pipeline and in the freestyle build step, against the Cargo API simulator's demo workflows.
 */
@WithJenkins
class CargoRunDataCheckJenkinsTest {
    private static final String FORM_RELEASE = "release 2.0.0 (" + DemoWorkflows.HAS_A_FORM_RELEASE + ")";
    /** Data that breaks HAS_A_FORM's form four ways; its values must never show in the log. */
    private static final String BAD_DATA =
            "[employees: 'many-marker', tier: 'bronze-marker', contacts: [[email: 'jane-marker@acme.com']]]";

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
    void dataThatDoesNotMatchTheFormFailsBeforeAnyCreateNamingEveryProblem(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int createsBefore = requests(sim, Endpoint.CREATE, DemoWorkflows.HAS_A_FORM).size();
        WorkflowJob p = pipeline(j, "bad-data", """
                cargoRun(workflowUuid: '%s', data: %s, credentialsId: '%s')
                echo 'not reached'
                """.formatted(DemoWorkflows.HAS_A_FORM, BAD_DATA, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("data does not match the input form of the " + FORM_RELEASE + " of workflow "
                + DemoWorkflows.HAS_A_FORM + ", so no run was created:", b);
        j.assertLogContains("data.domain is missing: \"Domain\" is required, a string.", b);
        j.assertLogContains("data.employees should be a number, but is a string.", b);
        j.assertLogContains("data.tier should be one of gold, silver, but is another string.", b);
        j.assertLogContains("data.contacts[0].name is missing: \"Name\" is required, a string.", b);
        j.assertLogContains("Fix data, or set validateData to false to leave the check to Cargo.", b);
        j.assertLogNotContains("marker", b);
        j.assertLogNotContains("not reached", b);
        assertEquals(createsBefore, requests(sim, Endpoint.CREATE, DemoWorkflows.HAS_A_FORM).size(), "no create was sent");
        CargoRunRecord record = record(b);
        assertNull(record.getRunUuid());
        assertNotNull(record.getFailure());
        assertFalse(record.isLive());
        assertNoTokenIn(b);
    }

    @Test
    void dataThatMatchesIsSaidSoAndTheRunIsCreated(JenkinsRule j) throws Exception {
        useSimulator(sim);
        WorkflowJob p = pipeline(j, "good-data", """
                def r = cargoRun(workflowUuid: '%s', credentialsId: '%s',
                                 data: [domain: 'acme.com', tier: 'gold', contacts: [[name: 'Jane']]])
                echo "status=${r.status}"
                """.formatted(DemoWorkflows.HAS_A_FORM, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("data matches the input form of the " + FORM_RELEASE + ".", b);
        j.assertLogContains("status=success", b);
    }

    @Test
    void withoutValidateDataTheCheckIsLeftToCargo(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int createsBefore = requests(sim, Endpoint.CREATE, DemoWorkflows.HAS_A_FORM).size();
        WorkflowJob p = pipeline(j, "unchecked-data", """
                def r = cargoRun(workflowUuid: '%s', data: %s, credentialsId: '%s', validateData: false)
                echo "status=${r.status}"
                """.formatted(DemoWorkflows.HAS_A_FORM, BAD_DATA, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("status=success", b);
        j.assertLogNotContains("input form", b);
        assertEquals(createsBefore + 1, requests(sim, Endpoint.CREATE, DemoWorkflows.HAS_A_FORM).size());
    }

    @Test
    void aWorkflowWithoutADeployedReleaseFailsBeforeTheCreate(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int createsBefore = requests(sim, Endpoint.CREATE, DemoWorkflows.NO_DEPLOYED_RELEASE).size();
        WorkflowJob p = pipeline(j, "nothing-deployed", """
                cargoRun(workflowUuid: '%s', data: [domain: 'acme.com'], credentialsId: '%s')
                """.formatted(DemoWorkflows.NO_DEPLOYED_RELEASE, CREDENTIALS_ID));

        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("Workflow " + DemoWorkflows.NO_DEPLOYED_RELEASE + " has no deployed release", b);
        j.assertLogContains("Deploy the tool in Cargo, or pin a release with releaseUuid.", b);
        assertEquals(createsBefore, requests(sim, Endpoint.CREATE, DemoWorkflows.NO_DEPLOYED_RELEASE).size(),
                "no create was sent");
        assertNull(record(b).getRunUuid());
    }

    @Test
    void theBuildStepChecksItsDataBeforeTheCreateToo(JenkinsRule j) throws Exception {
        useSimulator(sim);
        int createsBefore = requests(sim, Endpoint.CREATE, DemoWorkflows.HAS_A_FORM).size();
        FreeStyleProject p = j.createFreeStyleProject();
        CargoRunBuilder step = new CargoRunBuilder(DemoWorkflows.HAS_A_FORM, "{\"tier\": \"bronze-marker\"}");
        step.setCredentialsId(CREDENTIALS_ID);
        p.getBuildersList().add(step);

        FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);

        j.assertLogContains("data.domain is missing: \"Domain\" is required, a string.", b);
        j.assertLogContains("data.tier should be one of gold, silver, but is another string.", b);
        j.assertLogNotContains("marker", b);
        assertEquals(createsBefore, requests(sim, Endpoint.CREATE, DemoWorkflows.HAS_A_FORM).size());
    }
}
