package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK HTTP client pointed at one simulator, for the simulator's own tests: it shares no code with
 * mockwebserver3 or with the plugin's client, so what it sees is what is on the wire.
 */
final class SimHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CargoSimulator sim;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SimHttp(CargoSimulator sim) {
        this.sim = sim;
    }

    static String body(String workflowUuid, String dataJson) {
        return "{\"workflowUuid\":\"" + workflowUuid + "\",\"data\":" + dataJson + "}";
    }

    HttpResponse<String> create(String json) throws IOException, InterruptedException {
        return post("/v1/orchestration/runs", json);
    }

    /** Creates a run with empty data and returns the {@code run} object of the 200 answer. */
    JsonNode createRun(String workflowUuid) throws IOException, InterruptedException {
        HttpResponse<String> response = create(body(workflowUuid, "{}"));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("run");
    }

    HttpResponse<String> get(String runUuid) throws IOException, InterruptedException {
        HttpRequest request = authorized("/v1/orchestration/runs/" + runUuid).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The whole body of a GET that must answer 200: {@code run}, {@code runContext}, {@code runComputedConfigs}. */
    JsonNode getOk(String runUuid) throws IOException, InterruptedException {
        HttpResponse<String> response = get(runUuid);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    HttpResponse<String> list(String json) throws IOException, InterruptedException {
        return post("/v1/orchestration/runs/list", json);
    }

    /** The body of a list that must answer 200: {@code runs} and {@code count}. */
    JsonNode listOk(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = list(json);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    static List<String> uuids(JsonNode listReply) {
        List<String> uuids = new ArrayList<>();
        listReply.get("runs").forEach(run -> uuids.add(run.get("uuid").asText()));
        return uuids;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer " + sim.acceptedToken());
    }
}
