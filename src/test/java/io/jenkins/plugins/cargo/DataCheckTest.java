package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoHttp;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.FormField;
import io.jenkins.plugins.cargo.api.JsonData;
import io.jenkins.plugins.cargo.api.Scheduler;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.Fault;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form's check of data against the input form of the release that would run. */
class DataCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RELEASE = "11111111-2222-4333-8444-555555555555";
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";
    private static final String FORM_OF = "the release 2.0.0 (" + DemoWorkflows.HAS_A_FORM_RELEASE + ")";

    private CargoSimulator sim;
    private ScheduledExecutorService pool;
    private CargoHttp http;
    private CargoClient client;

    @BeforeEach
    void start() throws IOException {
        sim = CargoSimulator.start();
        DemoWorkflows.install(sim);
        pool = Executors.newSingleThreadScheduledExecutor();
        http = CargoHttp.builder(Scheduler.of(pool)).build();
        client = CargoClient.of(http, CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
    }

    @AfterEach
    void stop() {
        http.cancelAll();
        pool.shutdownNow();
        sim.close();
    }

    @Test
    void dataThatMatchesNamesTheRelease() {
        FieldCheck check = DataCheck.read(client, DemoWorkflows.HAS_A_FORM, null,
                "{\"domain\": \"acme.com\", \"tier\": \"gold\", \"contacts\": [{\"name\": \"Jane\"}]}", WAIT);

        assertEquals(FieldCheck.ok("data matches the input form of " + FORM_OF + "."), check);
    }

    @Test
    void everyProblemIsNamedWithItsPathAndNeverTheValue() {
        FieldCheck check = DataCheck.read(client, DemoWorkflows.HAS_A_FORM, " ",
                "{\"employees\": \"many-marker\", \"tier\": \"bronze-marker\", \"contacts\": [{\"email\": \"x@y.z\"}, 7]}", WAIT);

        assertEquals(FieldCheck.Kind.ERROR, check.kind());
        List<String> lines = List.of(check.message().split("\n"));
        assertEquals("data does not match the input form of " + FORM_OF
                + ", so builds would fail before creating the run:", lines.get(0));
        assertEquals(List.of(
                "data.domain is missing: \"Domain\" is required, a string.",
                "data.employees should be a number, but is a string.",
                "data.tier should be one of gold, silver, but is another string.",
                "data.contacts[0].name is missing: \"Name\" is required, a string.",
                "data.contacts[1] should be an object with the keys name, email, but is a number."), lines.subList(1, lines.size()));
        assertFalse(check.message().contains("marker"), check.message());
        assertFalse(check.message().contains("x@y.z"), check.message());
    }

    @Test
    void aPinnedReleaseIsCheckedAgainstItsOwnForm() {
        FieldCheck check = DataCheck.read(client, DemoWorkflows.HAS_A_FORM, DemoWorkflows.HAS_A_FORM_FIRST_RELEASE,
                "{\"domain\": \"acme.com\", \"tier\": 3}", WAIT);

        assertEquals(FieldCheck.ok("data matches the input form of the release 1.0.0 ("
                + DemoWorkflows.HAS_A_FORM_FIRST_RELEASE + ")."), check, "1.0.0 asks for the domain only");
        assertEquals(1, sim.releaseReads(DemoWorkflows.HAS_A_FORM_FIRST_RELEASE));
    }

    @Test
    void aReleaseWithoutAFormIsSaidSo() {
        FieldCheck check = DataCheck.read(client, DemoWorkflows.SUCCEEDS, null, "[1, 2]", WAIT);

        assertEquals(FieldCheck.ok("The release 1.0.0 (" + DemoWorkflows.deployedReleaseOf(DemoWorkflows.SUCCEEDS)
                + ") has no input form, so data is not checked."), check);
    }

    @Test
    void aWorkflowWithoutADeployedReleaseIsAnError() {
        FieldCheck check = DataCheck.read(client, DemoWorkflows.NO_DEPLOYED_RELEASE, null, "{}", WAIT);

        assertEquals(FieldCheck.Kind.ERROR, check.kind());
        assertTrue(check.message().contains("has no deployed release"), check.message());
        assertTrue(check.message().contains("Deploy the tool in Cargo, or pin a release with releaseUuid."), check.message());
        assertEquals(0, sim.requests(Endpoint.CREATE).size());
    }

    @Test
    void aFormThatCannotBeReadIsAWarning() {
        // The read is shared by every build that asks meanwhile, so it has 3 attempts of its own.
        for (int i = 0; i < 3; i++) {
            sim.enqueue(Endpoint.DEPLOYED_RELEASE, Fault.serverError(500));
        }
        FieldCheck failed = DataCheck.read(client, DemoWorkflows.HAS_A_FORM, null, "{}", WAIT);
        assertEquals(FieldCheck.Kind.WARNING, failed.kind());
        assertTrue(failed.message().startsWith("The input form of the release to run could not be read, so data was not"
                + " checked against it; builds check it again before creating the run. Cargo answered HTTP 500"), failed.message());
        assertEquals(3, sim.requests(Endpoint.DEPLOYED_RELEASE).size(), "tried three times while the form waits");

        sim.enqueue(Endpoint.DEPLOYED_RELEASE, Fault.delay(Duration.ofSeconds(10)));
        FieldCheck slow = DataCheck.read(client, DemoWorkflows.HAS_A_FORM, null, "{}", Duration.ofSeconds(1));
        assertEquals(FieldCheck.warning("The input form of the release to run could not be read, so data was not checked"
                + " against it; builds check it again before creating the run. Cargo did not answer in time."), slow);

        sim.forbid(Endpoint.RELEASE);
        FieldCheck forbidden = DataCheck.read(client, WORKFLOW, RELEASE, "{}", WAIT);
        assertEquals(FieldCheck.Kind.WARNING, forbidden.kind());
        assertTrue(forbidden.message().contains("HTTP 403"), forbidden.message());
    }

    @Test
    void theFormsAreReadThroughTheCacheTheBuildsShare() {
        for (int i = 0; i < 3; i++) {
            DataCheck.read(client, DemoWorkflows.HAS_A_FORM, null, "{\"domain\": \"acme.com\"}", WAIT);
        }
        assertEquals(1, sim.deployedReleaseReads(DemoWorkflows.HAS_A_FORM));
    }

    @Test
    void dataThatIsNotAnObjectFailsAFormThatExpectsOne() {
        CargoRelease release = new CargoRelease(RELEASE, WORKFLOW, "7", "deployed", null, null,
                List.of(new FormField("Domain", "domain", null, true, "string", List.of(), List.of())));

        FieldCheck check = DataCheck.against(release, JsonData.parse("[\"acme.com\"]"));

        assertEquals(FieldCheck.error("data does not match the input form of the release 7 (" + RELEASE + "), so builds"
                + " would fail before creating the run:\ndata is not an object: the form expects an object with the keys domain."),
                check);
    }

    @Test
    void theSyntaxCheckComesFirstAndTheWorseKindWins() {
        FieldCheck broken = FieldCheck.error("data is a string but not valid JSON");
        assertEquals(broken, DataCheck.combine(broken, FieldCheck.ok("matches")));

        FieldCheck notAnObject = FieldCheck.warning("data is not a JSON object.");
        assertEquals(FieldCheck.warning("data is not a JSON object.\nThe release has no input form."),
                DataCheck.combine(notAnObject, FieldCheck.ok("The release has no input form.")));
        assertEquals(FieldCheck.error("data is not a JSON object.\nproblems"),
                DataCheck.combine(notAnObject, FieldCheck.error("problems")));
        assertEquals(FieldCheck.ok("matches"), DataCheck.combine(FieldCheck.ok(), FieldCheck.ok("matches")));
        assertEquals(FieldCheck.ok(), DataCheck.combine(FieldCheck.ok(), FieldCheck.ok()));
    }
}
