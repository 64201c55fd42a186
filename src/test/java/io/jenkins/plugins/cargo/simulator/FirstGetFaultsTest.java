package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults that every run of a workflow answers its first GETs with. */
class FirstGetFaultsTest {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String OTHER_WORKFLOW = "7a1c2d3e-4f50-4617-8829-9a0b1c2d3e4f";

    private CargoSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everyNewRunOfTheWorkflowGoesThroughTheFaultsThenIsServed() throws Exception {
        sim.faultFirstGets(WORKFLOW, Fault.tooManyRequests("2"), Fault.serverError(503));
        String first = http.createRun(WORKFLOW).get("uuid").asText();
        String second = http.createRun(WORKFLOW).get("uuid").asText();
        String other = http.createRun(OTHER_WORKFLOW).get("uuid").asText();

        HttpResponse<String> limited = http.get(first);
        List<Integer> firstRun = new ArrayList<>(List.of(limited.statusCode()));
        for (int i = 0; i < 3; i++) {
            firstRun.add(http.get(first).statusCode());
        }
        List<Integer> secondRun = List.of(http.get(second).statusCode(), http.get(second).statusCode());
        HttpResponse<String> served = http.get(second);

        assertEquals(List.of(429, 503, 200, 200), firstRun);
        assertEquals("2", limited.headers().firstValue("retry-after").orElse(null));
        assertEquals(List.of(429, 503), secondRun);
        assertEquals("pending", SimHttp.json(served).get("run").get("status").asText(),
                "the script starts at the first GET that gets through");
        assertEquals(200, http.get(other).statusCode());
        assertEquals(2, sim.run(first).getCount(), "a faulted GET is not handled");
    }

    @Test
    void aQueuedFaultGoesFirstAndRunsMadeBeforeTheSettingAreLeftAlone() throws Exception {
        String before = http.createRun(WORKFLOW).get("uuid").asText();
        sim.faultFirstGets(WORKFLOW, Fault.tooManyRequests("2"));
        String after = http.createRun(WORKFLOW).get("uuid").asText();

        assertEquals(200, http.get(before).statusCode());
        sim.enqueue(Endpoint.GET, Fault.serverError(502));
        assertEquals(List.of(502, 429, 200),
                List.of(http.get(after).statusCode(), http.get(after).statusCode(), http.get(after).statusCode()));
    }

    @Test
    void turningItOffAffectsLaterRunsAndADeletedRunIsNotFoundRatherThanFaulted() throws Exception {
        sim.faultFirstGets(WORKFLOW, Fault.tooManyRequests("2"));
        String faulted = http.createRun(WORKFLOW).get("uuid").asText();
        sim.faultFirstGets(WORKFLOW);
        String plain = http.createRun(WORKFLOW).get("uuid").asText();
        sim.deleteRun(faulted);

        assertEquals(404, http.get(faulted).statusCode());
        assertEquals(200, http.get(plain).statusCode());
    }
}
