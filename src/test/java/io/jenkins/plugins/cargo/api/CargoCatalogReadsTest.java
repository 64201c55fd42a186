package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads of what surrounds a run, against the simulator: releases and forms, tools, traces, workspace, credits. */
class CargoCatalogReadsTest {
    private CargoSimulator sim;
    private CargoHttp http;
    private CargoClient client;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.start();
        DemoWorkflows.install(sim);
        // One transport, as a controller has; each build makes its own client over it.
        http = CargoHttp.builder(new RecordingScheduler()).build();
        client = CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    @Test
    void theDeployedReleaseBringsItsFormWithEveryKind() throws Exception {
        CargoRelease release = await(client.releaseToRun(DemoWorkflows.HAS_A_FORM, null));

        assertEquals(DemoWorkflows.deployedReleaseOf(DemoWorkflows.HAS_A_FORM), release.uuid());
        assertEquals("deployed", release.status());
        List<FormField> form = release.formFields();
        assertNotNull(form);
        assertEquals(List.of("domain", "employees", "tier", "contacts"), form.stream().map(FormField::slug).toList());
        assertTrue(form.get(0).required());
        assertEquals(List.of("gold", "silver"), form.get(2).enumValues());
        assertEquals("array", form.get(3).kind());
        assertEquals(List.of("name", "email"), form.get(3).fields().stream().map(FormField::slug).toList());
        assertTrue(form.get(3).fields().get(0).required());
        assertEquals("/v1/orchestration/releases/deployed?workflowUuid=" + DemoWorkflows.HAS_A_FORM,
                sim.requests(Endpoint.DEPLOYED_RELEASE).get(0).path());
    }

    @Test
    void aPinnedReleaseIsReadByItsUuid() throws Exception {
        CargoRelease release = await(client.releaseToRun(DemoWorkflows.HAS_A_FORM, DemoWorkflows.HAS_A_FORM_FIRST_RELEASE));
        assertEquals(DemoWorkflows.HAS_A_FORM_FIRST_RELEASE, release.uuid());
        assertEquals(List.of("domain"), release.formFields().stream().map(FormField::slug).toList());
    }

    @Test
    void aReleaseWithoutAFormHasNone() throws Exception {
        assertNull(await(client.releaseToRun(DemoWorkflows.SUCCEEDS, null)).formFields());
    }

    @Test
    void aWorkflowWithNoDeployedReleaseIsTold() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(client.releaseToRun(DemoWorkflows.NO_DEPLOYED_RELEASE, null)));
        CargoNotFoundException notFound = assertInstanceOf(CargoNotFoundException.class, e.getCause());
        assertEquals("releaseNotFound", notFound.reason());
        assertTrue(notFound.getMessage().contains("has no deployed release"), notFound.getMessage());
    }

    @Test
    void aHundredBuildsStartedTogetherReadTheFormOnce() throws Exception {
        List<CompletableFuture<CargoRelease>> reads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            CargoClient build = CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
            reads.add(build.releaseToRun(DemoWorkflows.HAS_A_FORM, null));
        }
        for (CompletableFuture<CargoRelease> read : reads) {
            assertEquals(4, await(read).formFields().size());
        }
        assertEquals(1, sim.deployedReleaseReads(DemoWorkflows.HAS_A_FORM));
    }

    @Test
    void aSharedFormReadIsTriedAgainOnAFailureThatMayPass() throws Exception {
        sim.enqueue(Endpoint.DEPLOYED_RELEASE, io.jenkins.plugins.cargo.simulator.Fault.serverError(503));
        CargoRelease release = await(client.releaseToRun(DemoWorkflows.HAS_A_FORM, null));
        assertEquals(4, release.formFields().size());
        assertEquals(2, sim.requests(Endpoint.DEPLOYED_RELEASE).size());
    }

    @Test
    void anotherTokenReadsTheFormAgain() throws Exception {
        await(client.releaseToRun(DemoWorkflows.HAS_A_FORM, null));
        sim.acceptToken("another-token");
        CargoClient other = CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), () -> "another-token");
        await(other.releaseToRun(DemoWorkflows.HAS_A_FORM, null));
        assertEquals(2, sim.deployedReleaseReads(DemoWorkflows.HAS_A_FORM));
    }

    @Test
    void releasesAreListedForTheDropDown() throws Exception {
        List<CargoRelease> releases = await(client.listReleases(DemoWorkflows.HAS_A_FORM, 25));
        assertEquals(2, releases.size());
        assertTrue(releases.stream().anyMatch(release -> "deployed".equals(release.status()) && "2.0.0".equals(release.version())));
    }

    @Test
    void toolsAreListedWithTheWorkflowToRun() throws Exception {
        List<CargoTool> tools = await(client.listTools());
        assertTrue(tools.stream().anyMatch(tool -> tool.workflowUuid().equals(DemoWorkflows.SUCCEEDS)
                && tool.name().equals("succeeds")), tools.toString());
    }

    @Test
    void aTraceCountsTheCreditsOfChildRunsAndTellsADegradedRun() throws Exception {
        CargoRun run = await(client.createRun(new CreateRunRequest(DemoWorkflows.CHILD_RUN_FAILS,
                JsonData.parse("{\"email\":\"jane@acme.com\"}"), null)));
        assertNotNull(run.traceUuid());
        CargoTrace trace = await(client.getTrace(run.traceUuid()));
        assertEquals(run.traceUuid(), trace.uuid());
        assertFalse(trace.isDegraded());
        assertTrue(trace.creditsUsed().compareTo(BigDecimal.ZERO) >= 0);
    }

    @Test
    void theWorkspaceAndItsCreditsAreRead() throws Exception {
        CargoWorkspace workspace = await(client.getWorkspace());
        assertEquals(DemoWorkflows.WORKSPACE_NAME, workspace.name());
        assertEquals(DemoWorkflows.MAX_CONCURRENT_RUNS, workspace.maxConcurrentRuns());
        CargoCredits credits = await(client.getCredits());
        assertEquals(0, new BigDecimal("4750").compareTo(credits.available()), credits.toString());
    }

    @Test
    void creditsHiddenFromTheTokenAreAnAuthenticationRefusal() {
        sim.forbid(Endpoint.SUBSCRIPTION);
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(client.getCredits()));
        CargoAuthenticationException refused = assertInstanceOf(CargoAuthenticationException.class, e.getCause());
        assertEquals(403, refused.httpStatus());
    }
}
