package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The steps' forms (the snippet generator's) keep every parameter. */
@WithJenkins
class CargoStepConfigJenkinsTest {
    @Test
    void cargoRunKeepsEveryParameter(JenkinsRule j) throws Exception {
        CargoCreateRunStep step = new CargoCreateRunStep(DemoWorkflows.SUCCEEDS, "{\"domain\": \"acme.com\"}");
        step.setCredentialsId("cargo-token");
        step.setReleaseUuid("11111111-2222-4333-8444-555555555555");
        step.setWait(false);
        step.setPollIntervalSeconds(10);
        step.setTimeoutMinutes(0);
        step.setCancelOnTimeout(false);
        step.setResultOnError("UNSTABLE");
        step.setResultOnCancelled("FAILURE");
        step.setResultOnSkipped("SUCCESS");
        step.setFailOnExecutionError(true);
        step.setWaitForCapacity(false);
        step.setValidateData(false);
        step.setUnstableOnDegraded(true);
        step.setPropagate(false);

        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void cargoRunWithItsDefaults(JenkinsRule j) throws Exception {
        CargoCreateRunStep step = new CargoCreateRunStep(DemoWorkflows.SUCCEEDS, "{}");
        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void cargoWaitForRunKeepsEveryParameter(JenkinsRule j) throws Exception {
        CargoWaitForRunStep step = new CargoWaitForRunStep("d4a32217-7754-43b0-8ae4-d0b39281ae66");
        step.setWorkflowUuid(DemoWorkflows.SUCCEEDS);
        step.setCredentialsId("cargo-token");
        step.setPollIntervalSeconds(3);
        step.setTimeoutMinutes(15);
        step.setResultOnSkipped("FAILURE");
        step.setUnstableOnDegraded(true);
        step.setPropagate(false);

        j.assertEqualDataBoundBeans(step, new StepConfigTester(j).configRoundTrip(step));
    }

    @Test
    void theStepsAreFoundByTheirNamesAndNeedNoNode(JenkinsRule j) {
        StepDescriptor run = StepDescriptor.byFunctionName("cargoRun");
        StepDescriptor waitFor = StepDescriptor.byFunctionName("cargoWaitForRun");
        assertEquals(CargoCreateRunStep.class, run.clazz);
        assertEquals(CargoWaitForRunStep.class, waitFor.clazz);
        assertEquals(2, run.getRequiredContext().size());
        assertEquals(false, run.getRequiredContext().contains(hudson.FilePath.class));
        assertEquals(false, run.getRequiredContext().contains(hudson.Launcher.class));
    }
}
