package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API token must never show in an exception message, a stack trace or a toString. */
class TokenSecrecyTest {
    private static final String TOKEN = "crg_live_7hQ2xN9pL4vR8sT1";
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";

    private CargoSimulator sim;
    private TestClient client;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.start();
        sim.acceptToken(TOKEN);
        client = TestClient.builder(CargoApiUrl.parse(sim.baseUrl()), () -> TOKEN)
                .scheduler(new RecordingScheduler())
                .readTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String createRun() throws Exception {
        return client.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of("k", "v")), null)).uuid();
    }

    @Test
    void noFailureCarriesTheToken() throws Exception {
        String uuid = createRun();
        String echo = "{\"errorMessage\":\"bad header Authorization: Bearer " + TOKEN + "\"}";
        List<Consumer<CargoSimulator>> faults = List.of(
                s -> s.enqueue(Endpoint.GET, Fault.unauthorized()),
                s -> s.enqueue(Endpoint.GET, Fault.forbidden()),
                s -> s.enqueue(Endpoint.GET, Fault.notFound()),
                s -> s.enqueue(Endpoint.GET, Fault.tooManyRequests("5")),
                s -> s.enqueue(Endpoint.GET, Fault.serverError(502)),
                s -> s.enqueue(Endpoint.GET, Fault.delay(Duration.ofSeconds(1))),
                s -> s.enqueue(Endpoint.GET, Fault.emptyBody(200)),
                s -> s.enqueue(Endpoint.GET, Fault.nonJson(200)),
                s -> s.enqueue(Endpoint.GET, Fault.truncatedBody()),
                s -> s.enqueue(Endpoint.GET, Fault.status(400, echo)),
                s -> s.enqueue(Endpoint.GET, Fault.status(500, "proxy error for Bearer " + TOKEN)));
        for (Consumer<CargoSimulator> fault : faults) {
            fault.accept(sim);
            CargoException e = null;
            try {
                client.getRun(uuid);
            } catch (CargoException failure) {
                e = failure;
            }
            assertNotNull(e, "each fault makes the call fail");
            assertTokenAbsent(e);
        }
    }

    @Test
    void cargosEchoOfTheTokenIsRedacted() throws Exception {
        String uuid = createRun();
        sim.enqueue(Endpoint.GET, Fault.status(400, "{\"errorMessage\":\"bad header: Bearer " + TOKEN + "\"}"));
        CargoException e = null;
        try {
            client.getRun(uuid);
        } catch (CargoException failure) {
            e = failure;
        }
        assertNotNull(e);
        assertTrue(e.getMessage().contains("Bearer ****"), e.getMessage());
    }

    @Test
    void lostCreatesAndUnsendableTokensDoNotCarryItEither() {
        sim.enqueue(Endpoint.CREATE, Fault.resetConnection());
        assertTokenAbsent(assertThrowsCargo(this::createRun));

        TestClient withBadToken = TestClient.builder(CargoApiUrl.parse(sim.baseUrl()), () -> TOKEN + "\n" + TOKEN).build();
        assertTokenAbsent(assertThrowsCargo(() -> withBadToken.getRun("x")));
    }

    @Test
    void cancelAndListFailuresDoNotCarryItEither() throws Exception {
        String uuid = createRun();
        String echo = "{\"errorMessage\":\"token " + TOKEN + " may not cancel\"}";
        sim.enqueue(Endpoint.CANCEL, Fault.status(403, echo));
        assertTokenAbsent(assertThrowsCargo(() -> client.cancelRun(WORKFLOW, uuid)));
        sim.enqueue(Endpoint.LIST, Fault.status(500, "upstream saw Bearer " + TOKEN));
        assertTokenAbsent(assertThrowsCargo(() -> client.listRuns(WORKFLOW, null, 5)));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static CargoException assertThrowsCargo(Call call) {
        try {
            call.run();
        } catch (CargoException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a CargoException", e);
        }
        throw new AssertionError("expected a CargoException");
    }

    private static void assertTokenAbsent(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(TOKEN), trace.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t).contains(TOKEN), String.valueOf(t));
        }
    }
}
