package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code refuseFirstCreates}: the first creates of a workflow refused, making no run, then creates as usual. */
class CreateRefusalsTest {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String OTHER_WORKFLOW = "7a1c2d3e-4f50-4617-8829-9a0b1c2d3e4f";

    private CargoSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() throws Exception {
        sim = CargoSimulator.builder().clock(new ManualClock()).start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void concurrencyLimitReachedForTheFirstTwoThenARun() throws Exception {
        sim.refuseFirstCreates(WORKFLOW, 2, Fault.concurrencyLimitReached());

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(http.create(SimHttp.body(WORKFLOW, "{}")));
        }

        for (HttpResponse<String> refused : answers.subList(0, 2)) {
            assertEquals(400, refused.statusCode());
            assertEquals("{\"reason\":\"concurrencyLimitReached\"}", refused.body());
            assertEquals("application/json", refused.headers().firstValue("content-type").orElse(null));
        }
        assertEquals(200, answers.get(2).statusCode());
        assertEquals(1, sim.runs().size(), "a refused create makes no run");
        assertEquals(3, sim.requests(Endpoint.CREATE).size());
    }

    @Test
    void notEnoughCreditsAndTooManyRequestsWithAndWithoutRetryAfter() throws Exception {
        sim.refuseFirstCreates(WORKFLOW, 1, Fault.notEnoughCredits());
        HttpResponse<String> credits = http.create(SimHttp.body(WORKFLOW, "{}"));
        sim.refuseFirstCreates(WORKFLOW, 1, Fault.tooManyRequests("7"));
        HttpResponse<String> limited = http.create(SimHttp.body(WORKFLOW, "{}"));
        sim.refuseFirstCreates(WORKFLOW, 1, Fault.tooManyRequests());
        HttpResponse<String> bare = http.create(SimHttp.body(WORKFLOW, "{}"));

        assertEquals(400, credits.statusCode());
        assertEquals("{\"reason\":\"notEnoughCredits\"}", credits.body());
        assertEquals(429, limited.statusCode());
        assertEquals("7", limited.headers().firstValue("retry-after").orElse(null));
        assertEquals("", limited.body());
        assertEquals(429, bare.statusCode());
        assertFalse(bare.headers().firstValue("retry-after").isPresent());
        assertEquals(List.of(), sim.runs());
    }

    @Test
    void onlyThatWorkflowsCreatesCountAndAQueuedFaultGoesFirst() throws Exception {
        sim.refuseFirstCreates(WORKFLOW, 1, Fault.concurrencyLimitReached());
        sim.enqueue(Endpoint.CREATE, Fault.serverError(502));

        int queued = http.create(SimHttp.body(WORKFLOW, "{}")).statusCode();
        int other = http.create(SimHttp.body(OTHER_WORKFLOW, "{}")).statusCode();
        int invalid = http.create("{\"data\":{}}").statusCode();
        int refused = http.create(SimHttp.body(WORKFLOW, "{}")).statusCode();
        int accepted = http.create(SimHttp.body(WORKFLOW, "{}")).statusCode();

        assertEquals(List.of(502, 200, 400, 400, 200), List.of(queued, other, invalid, refused, accepted));
        assertEquals(2, sim.runs().size());
    }

    @Test
    void aNewCallReplacesWhatWasLeftAndZeroTurnsItOff() throws Exception {
        sim.refuseFirstCreates(WORKFLOW, 5, Fault.concurrencyLimitReached());
        http.create(SimHttp.body(WORKFLOW, "{}"));
        sim.refuseFirstCreates(WORKFLOW, 0, Fault.concurrencyLimitReached());

        assertEquals(200, http.create(SimHttp.body(WORKFLOW, "{}")).statusCode());
        assertThrows(IllegalArgumentException.class,
                () -> sim.refuseFirstCreates(WORKFLOW, -1, Fault.concurrencyLimitReached()));
    }

    @Test
    void aRefusalThatProcessesTheRequestDoesMakeTheRun() throws Exception {
        sim.refuseFirstCreates(WORKFLOW, 1, Fault.processThenDropResponse());

        assertThrows(java.io.IOException.class, () -> http.create(SimHttp.body(WORKFLOW, "{}")));
        assertEquals(1, sim.runs().size());
    }

    @Test
    void apiErrorLeavesOutNullKeys() throws Exception {
        sim.refuseFirstCreates(WORKFLOW, 2, Fault.apiError(409, null, "Busy."));

        assertEquals("{\"errorMessage\":\"Busy.\"}", http.create(SimHttp.body(WORKFLOW, "{}")).body());
        assertEquals("Fault[409 {\"errorMessage\":\"Busy.\"}]", Fault.apiError(409, null, "Busy.").toString());
    }
}
