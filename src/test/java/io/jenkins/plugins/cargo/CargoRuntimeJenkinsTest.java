package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The controller's shared transport goes through the Jenkins proxy settings, no-proxy hosts included. */
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

    private int simulatorPort() {
        return Integer.parseInt(sim.baseUrl().replaceAll(".*:", "").replace("/", ""));
    }

    @Test
    void withoutAProxyTheClientTalksToCargoDirectly(JenkinsRule j) throws Exception {
        CargoClient client = CargoRuntime.get().client(CargoApiUrl.parse(sim.baseUrl()), sim::acceptedToken);
        String uuid = client.createRun(new CreateRunRequest(WORKFLOW, JsonData.of(Map.of()), null))
                .get(30, TimeUnit.SECONDS).uuid();
        assertEquals(uuid, client.getRun(uuid).get(30, TimeUnit.SECONDS).uuid());
    }

    @Test
    void requestsGoThroughTheJenkinsProxy(JenkinsRule j) throws Exception {
        // The simulator stands in for the proxy: the API host itself cannot be reached (port 1).
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", simulatorPort()));
        CargoClient client = CargoRuntime.get().client(CargoApiUrl.parse("http://localhost:1"), sim::acceptedToken)
                .withRetryPolicy(RetryPolicy.none());

        try {
            client.listRuns(WORKFLOW, null, null, 1).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException answeredByTheProxy) {
            // Whatever it answered, the request reached it.
        }

        assertEquals(1, sim.requests().size());
        SimRequest request = sim.requests().get(0);
        assertTrue(request.path().contains("localhost:1/v1/orchestration/runs/list"), request.path());
    }

    @Test
    void aNoProxyHostIsReachedDirectly(JenkinsRule j) {
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", simulatorPort(), null, null, "localhost"));
        CargoClient client = CargoRuntime.get().client(CargoApiUrl.parse("http://localhost:1"), sim::acceptedToken)
                .withRetryPolicy(RetryPolicy.none());

        assertThrows(ExecutionException.class, () -> client.listRuns(WORKFLOW, null, null, 1).get(30, TimeUnit.SECONDS));

        assertTrue(sim.requests().isEmpty(), "localhost is on the no-proxy list");
    }
}
