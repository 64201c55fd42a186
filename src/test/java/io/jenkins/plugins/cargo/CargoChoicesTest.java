package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoHttp;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.CargoTool;
import io.jenkins.plugins.cargo.api.Scheduler;
import io.jenkins.plugins.cargo.api.TokenSource;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.Fault;
import io.jenkins.plugins.cargo.simulator.SimRelease;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflow and release drop-downs: their order, their labels, the current value kept, and Cargo unread. */
class CargoChoicesTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String WORKFLOW_A = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";
    private static final String WORKFLOW_B = "1c8f7a1d-4b4f-4d70-8b68-202f3c4d5e70";
    private static final String RELEASE_1 = "11111111-2222-4333-8444-555555555551";
    private static final String RELEASE_2 = "11111111-2222-4333-8444-555555555552";
    private static final String RELEASE_3 = "11111111-2222-4333-8444-555555555553";
    private static final String DRAFT = "11111111-2222-4333-8444-555555555554";

    private CargoSimulator sim;
    private ScheduledExecutorService pool;
    private CargoHttp http;

    @BeforeEach
    void start() throws IOException {
        sim = CargoSimulator.start();
        pool = Executors.newSingleThreadScheduledExecutor();
        http = CargoHttp.builder(Scheduler.of(pool)).build();
    }

    @AfterEach
    void stop() {
        http.cancelAll();
        pool.shutdownNow();
        sim.close();
    }

    // --- Workflows, offline ---

    @Test
    void toolsAreListedByNameEachOfferingItsWorkflow() {
        List<CargoTool> tools = List.of(
                new CargoTool("t1", WORKFLOW_B, "score-lead"),
                new CargoTool("t2", WORKFLOW_A, "Enrich company"));

        List<Choice> options = CargoChoices.workflows(tools, WORKFLOW_B);

        assertEquals(List.of(
                new Choice("Enrich company (" + WORKFLOW_A + ")", WORKFLOW_A, false),
                new Choice("score-lead (" + WORKFLOW_B + ")", WORKFLOW_B, true)), options);
    }

    @Test
    void nothingChosenYetOffersABlankChoiceFirst() {
        List<Choice> options = CargoChoices.workflows(List.of(new CargoTool("t1", WORKFLOW_A, "enrich")), null);

        assertEquals(new Choice("Choose a tool", "", true), options.get(0));
        assertEquals(WORKFLOW_A, options.get(1).value());
        assertFalse(options.get(1).selected());
        assertEquals(new Choice("The workspace of this token has no tools", "", true),
                CargoChoices.workflows(List.of(), " ").get(0));
    }

    @Test
    void aWorkflowThatIsNotAToolIsKeptFirst() {
        List<Choice> options = CargoChoices.workflows(List.of(new CargoTool("t1", WORKFLOW_A, "enrich")), " " + WORKFLOW_B + " ");

        assertEquals(new Choice(WORKFLOW_B + " (not a tool of this token's workspace)", WORKFLOW_B, true), options.get(0));
        assertEquals(2, options.size());

        List<Choice> withVariable = CargoChoices.workflows(List.of(new CargoTool("t1", WORKFLOW_A, "enrich")), "${WORKFLOW}");
        assertEquals(new Choice("${WORKFLOW} (expanded when the build runs)", "${WORKFLOW}", true), withVariable.get(0));
    }

    @Test
    void aWorkflowListedTwiceIsOfferedOnce() {
        List<Choice> options = CargoChoices.workflows(List.of(
                new CargoTool("t1", WORKFLOW_A, "enrich"), new CargoTool("t2", WORKFLOW_A, "enrich again")), WORKFLOW_A);

        assertEquals(1, options.size(), options::toString);
        assertTrue(options.get(0).selected());
    }

    @Test
    void withoutCargoOnlyTheCurrentValueIsOffered() {
        assertEquals(List.of(new Choice(WORKFLOW_A, WORKFLOW_A, true)), CargoChoices.currentWorkflowOnly(" " + WORKFLOW_A));
        assertEquals(List.of(new Choice("", "", true)), CargoChoices.currentWorkflowOnly(null));
        assertEquals(List.of(new Choice("The deployed release", "", true)), CargoChoices.currentReleaseOnly(""));
        assertEquals(List.of(new Choice(RELEASE_1, RELEASE_1, true)), CargoChoices.currentReleaseOnly(RELEASE_1));
    }

    // --- Releases, offline ---

    @Test
    void theDeployedReleaseComesFirstThenTheOthersNewestFirst() {
        List<CargoRelease> asCargoListsThem = List.of(
                release(RELEASE_1, "1.0.0", "archived", "2026-01-10T09:00:00Z", "2026-01-10T08:00:00Z"),
                release(DRAFT, null, "draft", null, "2026-03-01T12:30:00Z"),
                release(RELEASE_3, "3.0.0", "deployed", "2026-02-20T16:45:10Z", "2026-02-19T10:00:00Z"),
                release(RELEASE_2, "2.0.0", "archived", "2026-02-01T09:00:00Z", "2026-01-31T07:05:00Z"));

        List<Choice> options = CargoChoices.releases(asCargoListsThem, "");

        assertEquals(List.of(
                new Choice("The deployed release (now 3.0.0)", "", true),
                new Choice("3.0.0 (deployed 2026-02-20 16:45 UTC)", RELEASE_3, false),
                new Choice(DRAFT + " (draft, created 2026-03-01 12:30 UTC)", DRAFT, false),
                new Choice("2.0.0 (archived, created 2026-01-31 07:05 UTC)", RELEASE_2, false),
                new Choice("1.0.0 (archived, created 2026-01-10 08:00 UTC)", RELEASE_1, false)), options);
    }

    @Test
    void aPinnedReleaseIsSelectedAndAnUnlistedOneKept() {
        List<CargoRelease> releases = List.of(
                release(RELEASE_2, "2.0.0", "deployed", "2026-02-01T09:00:00Z", "2026-01-31T07:05:00Z"),
                release(RELEASE_1, "1.0.0", "archived", null, "2026-01-10T08:00:00Z"));

        List<Choice> pinned = CargoChoices.releases(releases, RELEASE_1);
        assertFalse(pinned.get(0).selected(), "the blank choice is not the current one");
        assertEquals(new Choice("1.0.0 (archived, created 2026-01-10 08:00 UTC)", RELEASE_1, true), pinned.get(2));

        List<Choice> unlisted = CargoChoices.releases(releases, RELEASE_3);
        assertEquals(new Choice(RELEASE_3 + " (not among the releases listed for this workflow)", RELEASE_3, true),
                unlisted.get(1));
        assertEquals(4, unlisted.size());
    }

    @Test
    void aWorkflowWithNothingDeployedSaysSoInTheBlankChoice() {
        List<Choice> options = CargoChoices.releases(List.of(release(DRAFT, null, "draft", null, null)), null);

        assertEquals(new Choice("The deployed release (none is deployed now: builds would fail)", "", true), options.get(0));
        assertEquals(new Choice(DRAFT + " (draft)", DRAFT, false), options.get(1));
    }

    // --- Against the simulator ---

    @Test
    void theDemoToolsAreReadByName() {
        DemoWorkflows.install(sim);

        Choice.Answer answer = CargoChoices.readWorkflows(client(sim::acceptedToken), DemoWorkflows.HAS_A_FORM, WAIT);

        assertNull(answer.problem());
        assertEquals(DemoWorkflows.all().size(), answer.options().size());
        assertEquals(new Choice("child-run-fails (" + DemoWorkflows.CHILD_RUN_FAILS + ")", DemoWorkflows.CHILD_RUN_FAILS, false),
                answer.options().get(0));
        assertTrue(answer.options().contains(
                new Choice("has-a-form (" + DemoWorkflows.HAS_A_FORM + ")", DemoWorkflows.HAS_A_FORM, true)));
        assertEquals(1, sim.requests(Endpoint.TOOLS).size());
    }

    @Test
    void theReleasesOfADemoWorkflowAreReadDeployedFirst() {
        DemoWorkflows.install(sim);

        Choice.Answer answer = CargoChoices.readReleases(client(sim::acceptedToken), DemoWorkflows.HAS_A_FORM, "", WAIT);

        assertNull(answer.problem());
        List<String> values = answer.options().stream().map(Choice::value).toList();
        assertEquals(List.of("", DemoWorkflows.HAS_A_FORM_RELEASE, DemoWorkflows.HAS_A_FORM_FIRST_RELEASE), values);
        assertEquals("The deployed release (now 2.0.0)", answer.options().get(0).name());
        assertTrue(answer.options().get(1).name().startsWith("2.0.0 (deployed "), answer.options().get(1).name());
        assertTrue(answer.options().get(2).name().startsWith("1.0.0 (archived, created "), answer.options().get(2).name());
        assertTrue(sim.requests(Endpoint.RELEASES).get(0).path().contains("limit=" + CargoChoices.RELEASES_LISTED));
    }

    @Test
    void noWorkflowYetMeansNoRead() {
        Choice.Answer blank = CargoChoices.readReleases(client(sim::acceptedToken), "", RELEASE_1, WAIT);
        Choice.Answer variable = CargoChoices.readReleases(client(sim::acceptedToken), "${WORKFLOW}", "", WAIT);

        assertEquals(new Choice.Answer(List.of(new Choice(RELEASE_1, RELEASE_1, true)), null), blank);
        assertEquals(new Choice.Answer(List.of(new Choice("The deployed release", "", true)), null), variable);
        assertEquals(0, sim.requests(Endpoint.ANY).size());
    }

    @Test
    void aRefusedTokenKeepsTheCurrentValueAndSaysWhyWithoutQuotingTheToken() {
        Choice.Answer answer = CargoChoices.readWorkflows(client(() -> "wrong-token-9d2e"), WORKFLOW_A, WAIT);

        assertEquals(List.of(new Choice(WORKFLOW_A, WORKFLOW_A, true)), answer.options());
        assertTrue(answer.problem().startsWith("The tools could not be listed, so the workflow is kept as it is."
                + " Cargo refused the API token (HTTP 401)"), answer.problem());
        assertFalse(answer.problem().contains("wrong-token-9d2e"), answer.problem());
    }

    @Test
    void aFailingReadIsAskedOnceAndASlowOneGivenUp() {
        sim.enqueue(Endpoint.RELEASES, Fault.serverError(503));
        Choice.Answer failed = CargoChoices.readReleases(client(sim::acceptedToken), WORKFLOW_A, RELEASE_2, WAIT);
        assertEquals(List.of(new Choice(RELEASE_2, RELEASE_2, true)), failed.options());
        assertTrue(failed.problem().startsWith("The releases of workflow " + WORKFLOW_A + " could not be listed, so the"
                + " release is kept as it is. Cargo answered HTTP 503"), failed.problem());
        assertEquals(1, sim.requests(Endpoint.RELEASES).size(), "no retries while a form waits");

        sim.enqueue(Endpoint.TOOLS, Fault.delay(Duration.ofSeconds(10)));
        Choice.Answer slow = CargoChoices.readWorkflows(client(sim::acceptedToken), "", Duration.ofSeconds(1));
        assertEquals(List.of(new Choice("", "", true)), slow.options());
        assertEquals("The tools could not be listed, so the workflow is kept as it is. Cargo did not answer in time.",
                slow.problem());
    }

    @Test
    void aReleaseAddedLaterIsListedWithItsDate() {
        sim.addRelease(WORKFLOW_A, SimRelease.deployed("4.1.0").withoutForm().withUuid(RELEASE_1)
                .withDeployedAt(Instant.parse("2026-05-04T03:02:01Z")));

        Choice.Answer answer = CargoChoices.readReleases(client(sim::acceptedToken), WORKFLOW_A, RELEASE_1, WAIT);

        assertEquals(List.of(new Choice("The deployed release (now 4.1.0)", "", false),
                new Choice("4.1.0 (deployed 2026-05-04 03:02 UTC)", RELEASE_1, true)), answer.options());
    }

    private static CargoRelease release(String uuid, String version, String status, String deployedAt, String createdAt) {
        return new CargoRelease(uuid, WORKFLOW_A, version, status, deployedAt == null ? null : Instant.parse(deployedAt),
                createdAt == null ? null : Instant.parse(createdAt), null);
    }

    private CargoClient client(TokenSource tokens) {
        return CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), tokens);
    }
}
