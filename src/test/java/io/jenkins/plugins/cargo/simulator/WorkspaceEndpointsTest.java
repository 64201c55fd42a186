package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tools list, the current workspace and its subscription, as a test sets them. */
class WorkspaceEndpointsTest extends ManualClockSimulator {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String OTHER_WORKFLOW = "7a1c2d3e-4f50-4617-8829-9a0b1c2d3e4f";
    private static final String TOOLS = "/v1/orchestration/tools/list";
    private static final String WORKSPACE = "/v1/workspaceManagement/workspaces/current";
    private static final String SUBSCRIPTION = "/v1/billing/subscriptions";

    @Test
    void toolsListNamesEachToolsWorkflowInTheOrderAdded() throws Exception {
        assertEquals("{\"tools\":[]}", http.read(TOOLS).body());
        String toolUuid = sim.addTool(WORKFLOW, "Enrich company", "Finds the company behind a domain");
        sim.addTool(OTHER_WORKFLOW, "Score lead", null);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(toolUuid, sim.addTool(WORKFLOW, "Enrich a company", null), "renamed, same tool");

        JsonNode tools = http.readOk(TOOLS).get("tools");

        assertEquals(2, tools.size());
        JsonNode enrich = tools.get(0);
        assertEquals(toolUuid, enrich.get("uuid").asText());
        assertEquals(WORKFLOW, enrich.get("workflowUuid").asText());
        assertEquals("Enrich a company", enrich.get("name").asText());
        assertTrue(enrich.get("description").isNull());
        assertEquals(sim.workspaceUuid(), enrich.get("workspaceUuid").asText());
        assertEquals(RunJson.timestamp(T0), enrich.get("createdAt").asText());
        assertEquals(RunJson.timestamp(T0.plus(Duration.ofMinutes(1))), enrich.get("updatedAt").asText());
        assertEquals("Score lead", tools.get(1).get("name").asText());
        assertEquals(OTHER_WORKFLOW, tools.get(1).get("workflowUuid").asText());
    }

    @Test
    void aToolsUuidIsTheOneAToolNodeCallingItsWorkflowCarries() throws Exception {
        String toolUuid = sim.addTool(OTHER_WORKFLOW, "Score lead", null);
        sim.script(WORKFLOW, RunScript.builder()
                .step("running", new SimExecution("score", null, "pending", 0, null)
                        .withNode(SimNode.tool(OTHER_WORKFLOW, null)))
                .build());
        String runUuid = http.createRun(WORKFLOW).get("uuid").asText();

        JsonNode execution = http.getOk(runUuid).get("run").get("executions").get(0);

        assertEquals(toolUuid, execution.get("nodeToolUuid").asText());
    }

    @Test
    void workspaceHasItsNameAndMaxConcurrentRunsAsSet() throws Exception {
        JsonNode initial = http.readOk(WORKSPACE).get("workspace");
        clock.advance(Duration.ofSeconds(30));
        sim.workspace("Growth team", 3);
        JsonNode changed = http.readOk(WORKSPACE).get("workspace");

        assertEquals(sim.workspaceUuid(), initial.get("uuid").asText());
        assertEquals("Simulated workspace", initial.get("name").asText());
        assertEquals(10, initial.get("maxConcurrentRuns").asInt());
        assertEquals("Growth team", changed.get("name").asText());
        assertEquals(3, changed.get("maxConcurrentRuns").asInt());
        assertEquals(RunJson.timestamp(T0), changed.get("createdAt").asText());
        assertEquals(RunJson.timestamp(T0.plus(Duration.ofSeconds(30))), changed.get("updatedAt").asText());
    }

    @Test
    void subscriptionHasTheCreditsPlanCadenceAndResetAsSet() throws Exception {
        JsonNode initial = http.readOk(SUBSCRIPTION).get("subscription");
        Instant reset = Instant.parse("2030-02-01T00:00:00.000Z");
        sim.subscription(SimSubscription.credits(120.5, 879.5, 40).withPlan("enterprise").withCadence("annual")
                .withResetAt(reset));
        JsonNode changed = http.readOk(SUBSCRIPTION).get("subscription");

        assertEquals(10_000, initial.get("subscriptionAvailableCreditsCount").asDouble());
        assertEquals("self-serve", initial.get("plan").asText());
        assertEquals("monthly", initial.get("cadence").asText());
        assertEquals(RunJson.timestamp(T0.plus(Duration.ofDays(30))), initial.get("resetAt").asText());
        assertTrue(initial.get("hasCredits").asBoolean());
        assertEquals(sim.workspaceUuid(), changed.get("workspaceUuid").asText());
        assertEquals(120.5, changed.get("subscriptionAvailableCreditsCount").asDouble());
        assertEquals(879.5, changed.get("subscriptionCreditsUsedCount").asDouble());
        assertEquals(40, changed.get("additionalAvailableCreditsCount").asDouble());
        assertEquals("enterprise", changed.get("plan").asText());
        assertEquals("annual", changed.get("cadence").asText());
        assertEquals(RunJson.timestamp(reset), changed.get("resetAt").asText());
        assertEquals(RunJson.timestamp(reset.minus(Duration.ofDays(30))), changed.get("startAt").asText());
    }

    @Test
    void noCreditsLeftMeansHasCreditsFalse() throws Exception {
        sim.subscription(SimSubscription.credits(0, 1000, 0));

        assertFalse(http.readOk(SUBSCRIPTION).get("subscription").get("hasCredits").asBoolean());
    }

    @Test
    void aTokenWithoutBillingRightsGets403ForTheSubscriptionOnly() throws Exception {
        sim.forbid(Endpoint.SUBSCRIPTION);

        HttpResponse<String> forbidden = http.read(SUBSCRIPTION);

        assertEquals(403, forbidden.statusCode());
        assertEquals("{\"errorMessage\":\"forbidden\"}", forbidden.body());
        assertEquals(200, http.read(WORKSPACE).statusCode());
        assertEquals(200, http.create(SimHttp.body(WORKFLOW, "{}")).statusCode());
        sim.permit(Endpoint.SUBSCRIPTION);
        assertEquals(200, http.read(SUBSCRIPTION).statusCode());
    }

    @Test
    void eachIsRecordedUnderItsOwnEndpointAndAnswersOnlyGet() throws Exception {
        http.read(TOOLS);
        http.read(WORKSPACE);
        http.read(SUBSCRIPTION);
        HttpResponse<String> post = http.post(WORKSPACE, "{}");

        assertEquals(1, sim.requests(Endpoint.TOOLS).size());
        assertEquals(1, sim.requests(Endpoint.WORKSPACE).size());
        assertEquals(1, sim.requests(Endpoint.SUBSCRIPTION).size());
        assertEquals(404, post.statusCode());
        assertEquals(Endpoint.OTHER, sim.requests().get(3).endpoint());
    }
}
