package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoHttp;
import io.jenkins.plugins.cargo.api.Scheduler;
import io.jenkins.plugins.cargo.api.TokenSource;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.Fault;
import io.jenkins.plugins.cargo.simulator.SimSubscription;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Test connection" against the simulator: what each kind of answer is reported as. */
class ConnectionCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String WRONG_TOKEN = "wrong-token-4f1b9c";

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

    @Test
    void anAcceptedTokenIsReportedWithItsWorkspaceAndCredits() {
        sim.workspace("Acme growth", 7);
        sim.subscription(SimSubscription.credits(1200.5, 300, 250));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.ok("Connected to Cargo at " + sim.baseUrl() + ": the API token was accepted.\n"
                + "Workspace: Acme growth, which runs at most 7 Cargo runs at once.\n"
                + "Credits left: 1450.5 (1200.5 in the plan's current period, 250 additional)."), check);
        assertEquals(1, sim.requests(Endpoint.LIST).size());
        assertEquals(1, sim.requests(Endpoint.WORKSPACE).size());
        assertEquals(1, sim.requests(Endpoint.SUBSCRIPTION).size());
        assertEquals(0, sim.requests(Endpoint.CREATE).size());
    }

    @Test
    void creditsATokenMayNotSeeAreSaidSoWithoutAnError() {
        sim.forbid(Endpoint.SUBSCRIPTION);

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.OK, check.kind());
        assertTrue(check.message().endsWith("\nCredits: not visible to this token."), check.message());
        assertTrue(check.message().contains("\nWorkspace: "), check.message());
    }

    @Test
    void aWorkspaceOrCreditsThatCannotBeReadDoNotFailTheTest() {
        sim.enqueue(Endpoint.WORKSPACE, Fault.serverError(500));
        sim.enqueue(Endpoint.SUBSCRIPTION, Fault.serverError(502));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.OK, check.kind());
        String[] lines = check.message().split("\n");
        assertEquals(3, lines.length, check.message());
        assertTrue(lines[1].startsWith("Workspace: could not be read. Cargo answered HTTP 500"), lines[1]);
        assertTrue(lines[2].startsWith("Credits: could not be read. Cargo answered HTTP 502"), lines[2]);
        assertEquals(1, sim.requests(Endpoint.WORKSPACE).size(), "read once: the form does not wait for retries");
    }

    @Test
    void aSlowWorkspaceIsGivenUpOnWithinTheSameWait() {
        sim.enqueue(Endpoint.WORKSPACE, Fault.delay(Duration.ofSeconds(10)));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), Duration.ofSeconds(2));

        assertEquals(FieldCheck.Kind.OK, check.kind());
        assertTrue(check.message().contains("\nWorkspace: could not be read. Cargo did not answer in time.\n"),
                check.message());
    }

    @Test
    void aRefusedTokenIsAnErrorThatNeverQuotesTheToken() {
        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), () -> WRONG_TOKEN), WAIT);

        assertEquals(FieldCheck.Kind.ERROR, check.kind());
        assertTrue(check.message().startsWith("Reached Cargo at " + sim.baseUrl() + ", but it refused the API token."
                + " Cargo refused the API token (HTTP 401)"), check.message());
        assertFalse(check.message().contains(WRONG_TOKEN), check.message());
    }

    @Test
    void aTokenWithoutRightsIsAnError() {
        sim.enqueue(Endpoint.LIST, Fault.forbidden());

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.ERROR, check.kind());
        assertTrue(check.message().contains("refused the API token") && check.message().contains("HTTP 403"), check.message());
    }

    @Test
    void anUnreachableHostIsAnErrorThatMentionsTheProxy() throws IOException {
        String closed = "http://127.0.0.1:" + freePort();

        FieldCheck check = ConnectionCheck.run(client(closed, sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.ERROR, check.kind());
        assertTrue(check.message().startsWith("Could not reach Cargo at " + closed + ". Could not reach Cargo while"),
                check.message());
        assertTrue(check.message().contains("HTTP Proxy Configuration"), check.message());
    }

    @Test
    void cargosOwnNotFoundMeansTheTokenWasAccepted() {
        sim.enqueue(Endpoint.LIST, Fault.status(404, "{\"errorMessage\":\"Workflow not found.\"}"));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.OK, check.kind());
        assertTrue(check.message().startsWith("Connected to Cargo at " + sim.baseUrl() + ": the API token was accepted.\n"),
                check.message());
    }

    @Test
    void aNotFoundWithoutCargosErrorObjectIsAnotherServer() {
        sim.enqueue(Endpoint.LIST, Fault.nonJson(404));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.ERROR, check.kind());
        assertTrue(check.message().startsWith("Reached " + sim.baseUrl() + ", but it does not answer like the Cargo API."
                + " Cargo answered HTTP 404"), check.message());
    }

    @Test
    void aPageInsteadOfJsonIsAnotherServer() {
        sim.enqueue(Endpoint.LIST, Fault.nonJson(200));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.ERROR, check.kind());
        assertTrue(check.message().startsWith("Reached " + sim.baseUrl() + ", but it does not answer like the Cargo API."),
                check.message());
    }

    @Test
    void aBusyCargoIsAWarningAndIsNotAskedTwice() {
        sim.enqueue(Endpoint.LIST, Fault.serverError(503));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.WARNING, check.kind());
        assertTrue(check.message().startsWith("Reached Cargo at " + sim.baseUrl() + ", but it could not answer the test now;"
                + " try again later. Cargo answered HTTP 503"), check.message());
        assertEquals(1, sim.requests(Endpoint.LIST).size());
    }

    @Test
    void anotherRefusalIsAWarning() {
        sim.enqueue(Endpoint.LIST, Fault.status(400, "{\"errorMessage\":\"expected record, received undefined\"}"));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), WAIT);

        assertEquals(FieldCheck.Kind.WARNING, check.kind());
        assertTrue(check.message().startsWith("Reached Cargo at " + sim.baseUrl() + "; it answered the test with an error,"
                + " though not one about the token."), check.message());
    }

    @Test
    void anEmptyTokenIsReportedWithoutAsking() {
        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), () -> " "), WAIT);

        assertEquals(FieldCheck.error("The connection test failed: The Cargo API token is empty."
                + " Put the token in the Secret text credential."), check);
        assertEquals(0, sim.requests(Endpoint.ANY).size());
    }

    @Test
    void aSilentServerIsGivenUpOnAfterTheWait() {
        sim.enqueue(Endpoint.LIST, Fault.delay(Duration.ofSeconds(10)));

        FieldCheck check = ConnectionCheck.run(client(sim.baseUrl(), sim::acceptedToken), Duration.ofSeconds(1));

        assertEquals(FieldCheck.error("Cargo at " + sim.baseUrl() + " did not answer within 1 seconds."
                + " Check the API URL and the proxy settings, then try again."), check);
    }

    private CargoClient client(String apiUrl, TokenSource tokens) {
        return CargoClient.of(http, CargoApiUrl.parse(apiUrl), tokens);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
