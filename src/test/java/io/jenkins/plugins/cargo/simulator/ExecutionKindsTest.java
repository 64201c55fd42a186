package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Connector, tool, agent and native executions; loops; and the child runs that tool nodes start. */
class ExecutionKindsTest extends ManualClockSimulator {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String TOOL_WORKFLOW = "6c5b4a39-2817-4605-9f4e-3d2c1b0a9f8e";
    private static final String AGENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Test
    void theFiveArgumentExecutionIsNativeWithItsSlugAsAction() throws Exception {
        sim.script(WORKFLOW, RunScript.builder().step("running", new SimExecution("start", "Started", "success", 0, null)).build());

        JsonNode execution = onlyExecution();

        assertEquals("native", execution.get("nodeKind").asText());
        assertEquals("start", execution.get("nodeActionSlug").asText());
        assertTrue(execution.get("nodeChildIndex").isNull());
        assertTrue(execution.get("nodeRunUuid").isNull());
    }

    @Test
    void connectorExecutionNamesItsIntegrationActionAndAStableConnector() throws Exception {
        SimExecution enrich = exec("enrich", "success").withNode(SimNode.connector("clearbit", "enrichCompany"));
        sim.script(WORKFLOW, RunScript.builder().step("running", enrich).build());

        JsonNode execution = onlyExecution();

        assertEquals("connector", execution.get("nodeKind").asText());
        assertEquals("clearbit", execution.get("nodeIntegrationSlug").asText());
        assertEquals("enrichCompany", execution.get("nodeActionSlug").asText());
        assertTrue(UUID_V4.matcher(execution.get("nodeConnectorUuid").asText()).matches());
        assertEquals(execution.get("nodeConnectorUuid"), onlyExecution().get("nodeConnectorUuid"), "same in every run");
    }

    @Test
    void agentExecutionNamesItsAgent() throws Exception {
        SimExecution summary = exec("summarize", "pending").withNode(SimNode.agent(AGENT)).withWaitUntilFinished(true);
        sim.script(WORKFLOW, RunScript.builder().step("running", summary).build());

        JsonNode execution = onlyExecution();

        assertEquals("agent", execution.get("nodeKind").asText());
        assertEquals(AGENT, execution.get("nodeAgentUuid").asText());
        assertTrue(execution.get("nodeReleaseUuid").isNull());
        assertTrue(execution.get("nodeWaitUntilFinished").asBoolean());
    }

    @Test
    void aLoopShowsOneExecutionPerPassUnderOneNodeUuid() throws Exception {
        sim.script(WORKFLOW, RunScript.timeline()
                .at(Duration.ZERO, "running", score(0, "pending"))
                .at(Duration.ofSeconds(1), "running", score(0, "success"), score(1, "pending"))
                .at(Duration.ofSeconds(2), "running", score(0, "success"), score(1, "success"), score(2, "pending"))
                .build());
        String uuid = http.createRun(WORKFLOW).get("uuid").asText();
        clock.advance(Duration.ofSeconds(2));

        JsonNode executions = http.getOk(uuid).get("run").get("executions");

        assertEquals(3, executions.size());
        for (int i = 0; i < 3; i++) {
            JsonNode pass = executions.get(i);
            assertEquals(i, pass.get("nodeChildIndex").asInt());
            assertEquals(executions.get(0).get("nodeUuid"), pass.get("nodeUuid"));
            assertEquals(RunJson.timestamp(T0.plusSeconds(i)), pass.get("startedAt").asText(), "each pass has its own start");
        }
        assertThrows(IllegalArgumentException.class, () -> score(-1, "pending"));
    }

    @Test
    void aToolNodeStartsAChildRunOfTheToolsWorkflowOnceOnly() throws Exception {
        RunScript child = RunScript.timeline()
                .at(Duration.ZERO, "running", exec("start", "success"))
                .at(Duration.ofSeconds(2), "error", exec("start", "success"), exec("lookup", "error"))
                .errorMessage("Node lookup failed")
                .build();
        SimNode tool = SimNode.tool(TOOL_WORKFLOW, child);
        sim.script(WORKFLOW, RunScript.timeline()
                .at(Duration.ZERO, "running", exec("start", "success"))
                .at(Duration.ofSeconds(1), "running", exec("start", "success"), exec("verify", "pending").withNode(tool))
                .at(Duration.ofSeconds(4), "error", exec("start", "success"), exec("verify", "error").withNode(tool))
                .build());
        JsonNode parent = http.createRun(WORKFLOW);
        String parentUuid = parent.get("uuid").asText();
        clock.advance(Duration.ofSeconds(5));

        JsonNode toolExecution = http.getOk(parentUuid).get("run").get("executions").get(1);
        String childUuid = toolExecution.get("nodeRunUuid").asText();
        JsonNode childRun = http.getOk(childUuid).get("run");

        assertEquals("tool", toolExecution.get("nodeKind").asText());
        assertTrue(UUID_V4.matcher(toolExecution.get("nodeToolUuid").asText()).matches());
        assertNotEquals(TOOL_WORKFLOW, toolExecution.get("nodeToolUuid").asText(), "a tool's uuid is not its workflow's");
        assertEquals(TOOL_WORKFLOW, childRun.get("workflowUuid").asText());
        assertEquals(parentUuid, childRun.get("parentUuid").asText());
        assertEquals(toolExecution.get("nodeUuid"), childRun.get("parentNodeUuid"));
        assertEquals(parent.get("traceUuid"), childRun.get("traceUuid"), "one trace spans the tree");
        assertEquals(RunJson.timestamp(T0.plusSeconds(1)), childRun.get("createdAt").asText(), "made when the node started");
        assertEquals("error", childRun.get("status").asText());
        assertEquals("Node lookup failed", childRun.get("errorMessage").asText());
        assertEquals("lookup", childRun.get("executions").get(1).get("nodeSlug").asText());
        assertEquals(RunJson.timestamp(T0.plusSeconds(3)), childRun.get("finishedAt").asText());

        assertEquals(childUuid, http.getOk(parentUuid).get("run").get("executions").get(1).get("nodeRunUuid").asText());
        assertEquals(2, sim.runs().size(), "polling the parent again makes no second child");
        SimRun childOnServer = sim.run(childUuid);
        assertEquals(parentUuid, childOnServer.parentUuid());
        assertEquals(toolExecution.get("nodeUuid").asText(), childOnServer.parentNodeUuid());
    }

    @Test
    void childRunsAreListedUnderTheToolsWorkflowAndByParent() throws Exception {
        sim.script(TOOL_WORKFLOW, RunScript.of("running"));
        SimExecution tool = exec("verify", "pending").withNode(SimNode.tool(TOOL_WORKFLOW, null));
        sim.script(WORKFLOW, RunScript.builder().step("running", tool).build());
        String parentUuid = http.createRun(WORKFLOW).get("uuid").asText();
        String childUuid = http.getOk(parentUuid).get("run").get("executions").get(0).get("nodeRunUuid").asText();
        http.createRun(TOOL_WORKFLOW);

        JsonNode byParent = http.listOk("{\"workflowUuid\":\"" + TOOL_WORKFLOW + "\",\"parentUuid\":\"" + parentUuid + "\"}");

        assertEquals(List.of(childUuid), SimHttp.uuids(byParent));
        assertEquals(2, http.listOk("{\"workflowUuid\":\"" + TOOL_WORKFLOW + "\"}").get("count").asInt());
        assertEquals("running", http.getOk(childUuid).get("run").get("status").asText(), "the tool workflow's own script");
    }

    @Test
    void aSteppedParentMakesTheChildAtTheGetThatFirstShowsTheToolNode() throws Exception {
        SimExecution tool = exec("verify", "pending").withNode(SimNode.tool(TOOL_WORKFLOW, RunScript.of("running")));
        sim.script(WORKFLOW, RunScript.builder().step("running").step("running", tool).build());
        String parentUuid = http.createRun(WORKFLOW).get("uuid").asText();

        http.getOk(parentUuid);
        assertEquals(1, sim.runs().size());
        clock.advance(Duration.ofSeconds(7));
        JsonNode shown = http.getOk(parentUuid).get("run").get("executions").get(0);

        SimRun child = sim.run(shown.get("nodeRunUuid").asText());
        assertEquals(T0.plusSeconds(7), child.createdAt());
        assertEquals("{}", child.dataJson(), "a child is fed its parent's data");
        assertFalse(child.deleted());
    }

    private JsonNode onlyExecution() throws Exception {
        String uuid = http.createRun(WORKFLOW).get("uuid").asText();
        JsonNode executions = http.getOk(uuid).get("run").get("executions");
        assertEquals(1, executions.size());
        return executions.get(0);
    }

    private static SimExecution exec(String slug, String status) {
        return new SimExecution(slug, null, status, 0.5, "error".equals(status) ? slug + " failed" : null);
    }

    private static SimExecution score(int pass, String status) {
        return exec("score", status).withChildIndex(pass);
    }
}
