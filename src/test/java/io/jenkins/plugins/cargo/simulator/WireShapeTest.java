package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Run the simulator sends, from create, get and list, against Cargo's {@code Run} and
 * {@code Execution} types ({@code @cargo-ai/types} 1.0.56, orchestration.d.ts; cargo-api.md 12.3 and
 * 12.4): each key of the type present with a JSON type the TypeScript type allows, and no other key.
 */
class WireShapeTest {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String TOOL_WORKFLOW = "6c5b4a39-2817-4605-9f4e-3d2c1b0a9f8e";
    private static final String RELEASE = "0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Set<String> RUN_STATUSES =
            Set.of("idle", "pending", "running", "success", "error", "cancelling", "cancelled", "skipped");
    private static final Set<String> EXECUTION_STATUSES = Set.of("pending", "success", "error");

    /** The JSON types a TypeScript field type allows; a timestamp is a string holding an ISO instant. */
    private enum Json { STRING, TIMESTAMP, NUMBER, BOOLEAN, ARRAY, NULL }

    private static final Map<String, Set<Json>> RUN = fields(
            "uuid", "string", "workspaceUuid", "string", "workflowUuid", "string",
            "userUuid", "string|null", "releaseUuid", "string|null", "nodes", "array|null",
            "batchUuid", "string|null", "traceUuid", "string", "temporalWorkflowId", "string",
            "recordId", "string", "recordTitle", "string", "contextS3Filename", "string",
            "computedConfigsS3Filename", "string", "parentUuid", "string|null", "parentNodeUuid", "string|null",
            "parentBatchUuid", "string|null", "parentAgentUuid", "string|null", "parentChatUuid", "string|null",
            "parentMessageUuid", "string|null", "isGroupParent", "boolean|null", "status", "string",
            "errorMessage", "string|null", "executions", "array", "createdAt", "timestamp",
            "updatedAt", "timestamp", "finishedAt", "timestamp|null", "deletedAt", "timestamp|null");

    private static final Map<String, Set<Json>> EXECUTION = fields(
            "nodeUuid", "string", "nodeSlug", "string", "nodeBatchUuid", "string|null",
            "nodeRunUuid", "string|null", "nodeMessageUuid", "string|null", "nodeChildIndex", "number|null",
            "nextNodeUuid", "string|null", "status", "string", "errorMessage", "string|null",
            "title", "string|null", "iconUrl", "string|null", "creditsUsedCount", "number",
            "startedAt", "timestamp|null", "updatedAt", "timestamp|null", "finishedAt", "timestamp|null",
            "nodeWaitUntilFinished", "boolean", "nodeKind", "string");

    private static final Map<String, Map<String, Set<Json>>> KIND = Map.of(
            "native", fields("nodeActionSlug", "string"),
            "connector", fields("nodeActionSlug", "string", "nodeConnectorUuid", "string", "nodeIntegrationSlug", "string"),
            "tool", fields("nodeToolUuid", "string", "nodeReleaseUuid", "string|null"),
            "agent", fields("nodeAgentUuid", "string", "nodeReleaseUuid", "string|null"));

    private final Set<String> kindsSeen = new HashSet<>();
    private int runsChecked;

    @Test
    void everyRunFromCreateGetAndListHasExactlyTheTypesKeys() throws Exception {
        try (CargoSimulator sim = CargoSimulator.builder().clock(new ManualClock()).start()) {
            scriptEveryKind(sim);
            SimHttp http = new SimHttp(sim);
            List<JsonNode> runs = new ArrayList<>();

            JsonNode created = SimHttp.json(http.create("{\"workflowUuid\":\"" + WORKFLOW + "\",\"releaseUuid\":\""
                    + RELEASE + "\",\"data\":{\"domain\":\"acme.com\"}}")).get("run");
            runs.add(created);
            String uuid = created.get("uuid").asText();
            for (int i = 0; i < 3; i++) {
                runs.add(http.getOk(uuid).get("run"));
            }
            JsonNode last = runs.get(runs.size() - 1);
            String childUuid = last.get("executions").get(2).get("nodeRunUuid").asText();
            runs.add(http.getOk(childUuid).get("run"));
            http.listOk("{\"workflowUuid\":\"" + WORKFLOW + "\"}").get("runs").forEach(runs::add);
            http.listOk("{\"workflowUuid\":\"" + TOOL_WORKFLOW + "\"}").get("runs").forEach(runs::add);

            for (JsonNode run : runs) {
                checkRun(run);
            }
        }
        assertEquals(Set.of("native", "connector", "tool", "agent"), kindsSeen, "the fixture shows every kind");
        assertEquals(7, runsChecked);
    }

    private static void scriptEveryKind(CargoSimulator sim) {
        sim.script(TOOL_WORKFLOW, RunScript.builder()
                .createStatus("running")
                .step("error", new SimExecution("lookup", null, "error", 0.01, "Not found"))
                .errorMessage("Node lookup failed")
                .build());
        SimExecution start = new SimExecution("start", null, "success", 0, null);
        SimExecution enrich = new SimExecution("enrich", "Acme", "success", 1.5, null)
                .withNode(SimNode.connector("clearbit", "enrichCompany"));
        SimExecution verify = new SimExecution("verify", null, "error", 0, "Child run failed")
                .withNode(SimNode.tool(TOOL_WORKFLOW, null))
                .withWaitUntilFinished(true);
        SimExecution summarize = new SimExecution("summarize", "Summary", "pending", 0.2, null)
                .withNode(SimNode.agent("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"))
                .withChildIndex(0);
        sim.script(WORKFLOW, RunScript.timeline()
                .at(Duration.ZERO, "running", start)
                .at(Duration.ZERO, "running", start, enrich, verify, summarize)
                .errorMessage("Node verify failed")
                .build());
    }

    private void checkRun(JsonNode run) {
        runsChecked++;
        checkObject("run", run, RUN);
        assertTrue(RUN_STATUSES.contains(run.get("status").asText()), run.get("status").asText());
        for (JsonNode execution : run.get("executions")) {
            String kind = execution.path("nodeKind").asText();
            Map<String, Set<Json>> expected = new LinkedHashMap<>(EXECUTION);
            Map<String, Set<Json>> kindFields = KIND.get(kind);
            if (kindFields == null) {
                fail("nodeKind is none of native, connector, tool, agent: " + execution);
            }
            expected.putAll(kindFields);
            checkObject("execution " + kind, execution, expected);
            assertTrue(EXECUTION_STATUSES.contains(execution.get("status").asText()), execution.toString());
            kindsSeen.add(kind);
        }
    }

    private static void checkObject(String what, JsonNode object, Map<String, Set<Json>> expected) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        assertEquals(expected.keySet(), keys, what + " keys of " + object);
        expected.forEach((key, allowed) -> {
            Json actual = typeOf(object.get(key));
            assertTrue(allowed.contains(actual), what + "." + key + " is " + actual + ", not one of " + allowed);
        });
    }

    private static Json typeOf(JsonNode value) {
        if (value.isNull()) {
            return Json.NULL;
        } else if (value.isTextual()) {
            return TIMESTAMP.matcher(value.asText()).matches() ? Json.TIMESTAMP : Json.STRING;
        } else if (value.isNumber()) {
            return Json.NUMBER;
        } else if (value.isBoolean()) {
            return Json.BOOLEAN;
        } else if (value.isArray()) {
            return Json.ARRAY;
        }
        throw new AssertionError("no field of a Run or Execution is a JSON object: " + value);
    }

    /** Key, type pairs; a type is like "string|null". A "string" also accepts a string that happens to look like a time. */
    private static Map<String, Set<Json>> fields(String... keysAndTypes) {
        Map<String, Set<Json>> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTypes.length; i += 2) {
            Set<Json> types = EnumSet.noneOf(Json.class);
            for (String type : keysAndTypes[i + 1].split("\\|")) {
                types.add(Json.valueOf(type.toUpperCase(java.util.Locale.ROOT)));
                if (type.equals("string")) {
                    types.add(Json.TIMESTAMP);
                }
            }
            fields.put(keysAndTypes[i], types);
        }
        return fields;
    }
}
