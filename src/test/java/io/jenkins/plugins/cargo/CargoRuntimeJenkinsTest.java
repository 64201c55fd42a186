package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.JsonData;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.SimRequest;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The controller's shared Cargo transport: the Jenkins proxy settings, read on every request, and a shutdown. */
@WithJenkins
class CargoRuntimeJenkinsTest {
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";

    private CargoSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void withoutAProxyTheClientTalksToCargoDirectly(JenkinsRule j) {
        CargoClient client = CargoRuntime.get().client(CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
        String uuid = client.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of()), null)).join().uuid();
        assertEquals(uuid, client.getRun(uuid).join().uuid());
    }

    @Test
    void requestsGoThroughTheJenkinsProxy(JenkinsRule j) {
        // The simulator stands in for the proxy: the API host itself cannot be reached (port 1).
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", Integer.parseInt(sim.baseUrl().replaceAll(".*:", ""))));
        CargoClient client = CargoRuntime.get().client(CargoApiUrl.parse("http://localhost:1"), sim::acceptedToken)
                .withRetryPolicy(RetryPolicy.none());

        try {
            client.listRuns(WORKFLOW, null, null, 1).join();
        } catch (CompletionException answeredByTheProxy) {
            // Whatever it answered, the request reached it.
        }

        assertEquals(1, sim.requests().size());
        SimRequest request = sim.requests().get(0);
        assertTrue(request.path().contains("localhost:1/v1/orchestration/runs/list"), request.path());
    }

    @Test
    void aNoProxyHostIsReachedDirectly(JenkinsRule j) {
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", Integer.parseInt(sim.baseUrl().replaceAll(".*:", "")),
                null, null, "localhost"));
        CargoClient client = CargoRuntime.get().client(CargoApiUrl.parse("http://localhost:1"), sim::acceptedToken)
                .withRetryPolicy(RetryPolicy.none());

        assertThrows(CompletionException.class, () -> client.listRuns(WORKFLOW, null, null, 1).join());

        assertTrue(sim.requests().isEmpty(), "localhost is on the no-proxy list");
    }

    @Test
    void aShutdownEndsTheRuntimeAndTheNextUseMakesANewOne(JenkinsRule j) {
        CargoRuntime before = CargoRuntime.get();
        assertSame(before, CargoRuntime.get());

        CargoRuntime.terminate();

        CargoRuntime after = CargoRuntime.get();
        assertNotSame(before, after);
        CargoClient client = after.client(CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
        assertEquals(0, client.listRuns(WORKFLOW, null, null, 10).join().runs().size(), "the new runtime works");
    }
}
