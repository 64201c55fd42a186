package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.CREDENTIALS_ID;
import static io.jenkins.plugins.cargo.CargoJenkinsTestSupport.TOKEN;
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

import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.Fault;
import io.jenkins.plugins.cargo.simulator.RunScript;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Restarts of Jenkins while {@code cargoRun} waits. The simulator outlives both sessions (it is static,
 * and the global configuration in the Jenkins home keeps its URL).
 */
class CargoRunRestartJenkinsTest {
    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static CargoSimulator sim;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = CargoSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Test
    void aRestartWhileWaitingResumesTheWaitAndFinishes() throws Throwable {
        String workflow = "c0ffee00-0000-4000-8000-0000000000b1";
        sim.script(workflow, RunScript.timed(Duration.ofSeconds(25), "success"));
        String[] run = new String[1];
        sessions.then(j -> {
            useSimulator(sim);
            WorkflowJob p = pipeline(j, "p", """
                    def r = cargoRun(workflowUuid: '%s', data: [n: 1], credentialsId: '%s')
                    echo "ended ${r.status}"
                    """.formatted(workflow, CREDENTIALS_ID));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("created for workflow " + workflow, b);
            await("the action holds the run", Duration.ofSeconds(10), () -> record(b).getRunUuid() != null);
            run[0] = record(b).getRunUuid();
            // The record changes in memory just before build.xml is written: wait for the file itself.
            File buildXml = new File(b.getRootDir(), "build.xml");
            await("build.xml names the run before the restart", Duration.ofSeconds(10),
                    () -> readQuietly(buildXml).contains(run[0]));
            File program = new File(b.getRootDir(), "program.dat");
            await("the program is saved", Duration.ofSeconds(10), program::isFile);
            assertFalse(new String(Files.readAllBytes(program.toPath()), StandardCharsets.ISO_8859_1).contains(TOKEN));
            assertNoTokenIn(b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Resuming the wait for Cargo run " + run[0], b);
            j.assertLogContains("ended success", b);
            assertEquals(1, requests(sim, Endpoint.CREATE, workflow).size(), "one run, never a second create");
            assertEquals("success", sim.run(run[0]).status());
            assertFalse(record(b).isLive());
            assertNoTokenIn(b);
        });
    }

    @Test
    void aRestartDuringTheCreateFindsTheRunInsteadOfCreatingAnother() throws Throwable {
        String workflow = "c0ffee00-0000-4000-8000-0000000000b2";
        sim.script(workflow, RunScript.timed(Duration.ofSeconds(5), "success"));
        sessions.then(j -> {
            useSimulator(sim);
            WorkflowJob p = pipeline(j, "p", """
                    def r = cargoRun(workflowUuid: '%s', data: [n: 2], credentialsId: '%s')
                    echo "ended ${r.status}"
                    """.formatted(workflow, CREDENTIALS_ID));
            // The create is made, but its answer is held past the restart.
            sim.enqueue(Endpoint.CREATE, Fault.processThenStall(Duration.ofSeconds(25)));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            await("Cargo received the create", Duration.ofSeconds(20),
                    () -> requests(sim, Endpoint.CREATE, workflow).size() == 1
                            && sim.runs().stream().anyMatch(r -> workflow.equals(r.workflowUuid())));
            assertEquals(null, record(b).getRunUuid(), "the answer has not arrived");
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("Jenkins restarted while the Cargo run was being created; looking for it", b);
            j.assertLogContains("ended success", b);
            assertEquals(1, requests(sim, Endpoint.CREATE, workflow).size(), "never a second create");
            assertFalse(requests(sim, Endpoint.LIST, workflow).isEmpty(), "the run was looked up");
            String run = record(b).getRunUuid();
            assertNotNull(run);
            assertEquals(workflow, sim.run(run).workflowUuid());
        });
    }

    /**
     * What a crash under PERFORMANCE_OPTIMIZED leaves: a build that is over while its action says its run
     * is live. After the restart, loading the build has the run cancelled, and the page says so.
     */
    @Test
    void aBuildFoundOverWithALiveRunHasItCancelledWhenLoaded() throws Throwable {
        String workflow = "c0ffee00-0000-4000-8000-0000000000b3";
        sim.script(workflow, RunScript.timed(Duration.ofMinutes(10), "success"));
        String[] run = new String[1];
        sessions.then(j -> {
            useSimulator(sim);
            WorkflowJob p = pipeline(j, "p", """
                    cargoRun(workflowUuid: '%s', data: [:], credentialsId: '%s', wait: false)
                    """.formatted(workflow, CREDENTIALS_ID));
            WorkflowRun b = j.buildAndAssertSuccess(p);
            CargoRunAction action = b.getAction(CargoRunAction.class);
            run[0] = action.getRecord().getRunUuid();
            // As if the build had crashed while following the run.
            action.update(r -> r.joined(r.getApiUrl(), r.getCredentialsId()));
            b.save();
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            await("the run is cancelled", Duration.ofSeconds(30), () -> !requests(sim, Endpoint.CANCEL, run[0]).isEmpty());
            await("the action says so", Duration.ofSeconds(10),
                    () -> record(b).getBuildEnd() == CargoRunRecord.BuildEndCancel.CANCELLED);
            assertFalse(record(b).isLive());
            assertEquals(1, requests(sim, Endpoint.CANCEL, run[0]).size());
            File buildXml = new File(b.getRootDir(), "build.xml");
            await("build.xml says the run was cancelled", Duration.ofSeconds(10),
                    () -> readQuietly(buildXml).contains("CANCELLED"));
        });
    }

    /** The file's text, or "" while it cannot be read (it is being replaced). */
    private static String readQuietly(File file) {
        try {
            return Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (java.io.IOException beingWritten) {
            return "";
        }
    }
}
