package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
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
 * Everything the simulator sends against Cargo's types ({@code @cargo-ai/types} 1.0.56; cargo-api.md
 * 12.3 to 12.7): every Run from create, get and list ({@code Run}, {@code Execution}), every release
 * ({@code Release}, {@code ReleaseFormField}), tool ({@code Tool}), trace ({@code Trace}), the workspace
 * ({@code Workspace}, workspaceManagement.d.ts) and the subscription ({@code EnrichedSubscription},
 * billing.d.ts): each key of the type present with a JSON type the TypeScript type allows, and no other
 * key. An optional key ({@code key?}) may be absent, but is never null.
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
    private enum Json { STRING, TIMESTAMP, NUMBER, BOOLEAN, ARRAY, OBJECT, NULL }

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

    private static final Map<String, Set<Json>> RELEASE_TYPE = fields(
            "uuid", "string", "parentUuid", "string|null", "workspaceUuid", "string", "userUuid", "string",
            "workflowUuid", "string", "description", "string|null", "version", "string|null", "status", "string",
            "templateSlug", "string|null", "nodes", "array", "formFields", "array|null", "testRecords", "array",
            "deployedAt", "timestamp|null", "createdAt", "timestamp", "updatedAt", "timestamp",
            "deletedAt", "timestamp|null");
    private static final Set<String> RELEASE_STATUSES = Set.of("draft", "deployed", "archived");

    private static final Map<String, Set<Json>> FORM_FIELD = fields("name", "string", "slug", "string", "kind", "string");
    private static final Map<String, Set<Json>> FORM_FIELD_OPTIONAL =
            fields("description", "string", "placeholder", "string", "isRequired", "boolean");
    private static final Map<String, Map<String, Set<Json>>> FORM_FIELD_KIND = Map.of(
            "string", fields(), "number", fields(), "boolean", fields(), "any", fields(), "date", fields(),
            "enum", fields("enum", "array"),
            "array", fields("fields", "array"));

    private static final Map<String, Set<Json>> TOOL = fields(
            "uuid", "string", "icon", "object", "workspaceUuid", "string", "workflowUuid", "string",
            "userUuid", "string", "name", "string", "folderUuid", "string|null", "creditsCost", "object",
            "description", "string|null", "isReadOnly", "boolean", "triggers", "array", "publicForm", "object|null",
            "createdAt", "timestamp", "updatedAt", "timestamp", "deletedAt", "timestamp|null");
    private static final Map<String, Map<String, Set<Json>>> TOOL_ICON = Map.of(
            "raw", fields("kind", "string", "data", "string"),
            "emoji", fields("kind", "string", "emojiSlug", "string"));
    private static final Map<String, Map<String, Set<Json>>> TOOL_CREDITS_COST = Map.of(
            "minMax", fields("kind", "string"),
            "sum", fields("kind", "string"),
            "custom", fields("kind", "string", "min", "number", "max", "number"));

    private static final Map<String, Set<Json>> TRACE = fields(
            "uuid", "string", "workspaceUuid", "string", "workflowUuid", "string", "rootRunUuid", "string|null",
            "rootRecordId", "string|null", "rootRecordTitle", "string|null", "rootUserUuid", "string|null",
            "chatUuid", "string|null", "agentUuid", "string|null", "spansCount", "number",
            "failedSpansCount", "number", "pendingSpansCount", "number", "succeededSpansCount", "number",
            "creditsUsedCount", "number", "startedAt", "timestamp", "finishedAt", "timestamp|null",
            "updatedAt", "timestamp", "status", "string");
    private static final Set<String> TRACE_STATUSES = Set.of("pending", "error", "degraded", "success");

    private static final Map<String, Set<Json>> WORKSPACE = fields(
            "uuid", "string", "name", "string", "allowedEmailDomains", "array", "syncs", "array",
            "temporalNamespace", "string", "temporalTaskQueuePrefix", "string|null", "maxConcurrentRuns", "number",
            "openAiVectorStoreId", "string|null", "createdAt", "timestamp", "updatedAt", "timestamp",
            "logoUrl", "string|null", "metadata", "object|null", "chromeExtensionMasterAgentUuid", "string|null",
            "chromeExtensionAvailableAgentUuids", "array|null", "defaultRoleUuid", "string|null",
            "allowedLoginProviders", "array|null", "ssoIdentifier", "string|null", "quotaBuckets", "object");

    private static final Map<String, Set<Json>> SUBSCRIPTION = fields(
            "uuid", "string", "workspaceUuid", "string", "provider", "string", "customerOrbId", "string",
            "customerStripeId", "string", "subscriptionStatus", "string|null", "subscriptionStripeId", "string|null",
            "subscriptionAvailableCreditsCount", "number", "subscriptionCreditsUsedCount", "number",
            "additionalAvailableCreditsCount", "number", "creditsOverageBehaviors", "array",
            "creditsConsumptionBehaviors", "array", "createdAt", "timestamp", "updatedAt", "timestamp",
            "plan", "string", "cadence", "string", "fixedPrice", "number", "conversionRate", "number",
            "startAt", "timestamp", "resetAt", "timestamp", "endAt", "timestamp|null", "hasPendingChange", "boolean",
            "hasCredits", "boolean", "futureChange", "object|null", "topup", "object|null");
    private static final Map<String, Set<Json>> CREDITS_BEHAVIOR = fields("unit", "string", "action", "string");
    private static final Set<String> USAGE_UNITS = Set.of("billing.credits", "storage.records", "orchestration.executions");

    private static final Map<String, Set<Json>> ERROR_BODY_OPTIONAL = fields("reason", "string", "errorMessage", "string");

    private static final String RELEASES = "/v1/orchestration/releases/";

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

    @Test
    void everyReleaseAndFormFieldFromGetDeployedAndListHasExactlyTheTypesKeys() throws Exception {
        try (CargoSimulator sim = CargoSimulator.builder().clock(new ManualClock()).start()) {
            FormField every = FormField.arrayOf("people", "People",
                    FormField.of("string", "name", "Name").required().withDescription("Full name")
                            .withPlaceholder("Jane Doe"),
                    FormField.of("number", "age", "Age").withRequired(false),
                    FormField.of("boolean", "vip", "VIP"),
                    FormField.of("any", "extra", "Extra"),
                    FormField.of("date", "since", "Since"),
                    FormField.enumOf("tier", "Tier", "gold", "silver"),
                    FormField.arrayOf("emails", "Emails", FormField.of("string", "address", "Address")));
            sim.addRelease(WORKFLOW, SimRelease.archived("1.0.0"));
            SimRelease deployed = sim.addRelease(WORKFLOW, SimRelease.deployed("2.0.0", every).withDescription("x"));
            sim.addRelease(WORKFLOW, SimRelease.draft());
            sim.addRelease(TOOL_WORKFLOW, SimRelease.deployed(null).withoutForm());
            SimHttp http = new SimHttp(sim);
            List<JsonNode> releases = new ArrayList<>();

            releases.add(http.readOk(RELEASES + deployed.uuid()).get("release"));
            releases.add(http.readOk(RELEASES + "deployed?workflowUuid=" + WORKFLOW).get("release"));
            releases.add(http.readOk(RELEASES + "deployed?workflowUuid=" + TOOL_WORKFLOW).get("release"));
            http.readOk(RELEASES + "list").get("releases").forEach(releases::add);

            Set<String> formKinds = new HashSet<>();
            for (JsonNode release : releases) {
                checkObject("release", release, RELEASE_TYPE);
                assertTrue(RELEASE_STATUSES.contains(release.get("status").asText()), release.toString());
                if (!release.get("formFields").isNull()) {
                    release.get("formFields").forEach(field -> checkFormField(field, formKinds));
                }
            }
            assertEquals(7, releases.size());
            assertEquals(FORM_FIELD_KIND.keySet(), formKinds, "the fixture shows every kind");
        }
    }

    @Test
    void everyToolTraceWorkspaceSubscriptionAndErrorHasExactlyTheTypesKeys() throws Exception {
        try (CargoSimulator sim = CargoSimulator.builder().clock(new ManualClock()).start()) {
            DemoWorkflows.install(sim);
            SimHttp http = new SimHttp(sim);

            JsonNode tools = http.readOk("/v1/orchestration/tools/list").get("tools");
            assertEquals(DemoWorkflows.all().size(), tools.size());
            for (JsonNode tool : tools) {
                checkTool(tool);
            }

            List<String> traceUuids = new ArrayList<>();
            traceUuids.add(http.createRun(WORKFLOW).get("traceUuid").asText());
            traceUuids.add(http.createRun(DemoWorkflows.CHILD_RUN_FAILS).get("traceUuid").asText());
            for (String traceUuid : traceUuids) {
                checkTrace(http.readOk("/v1/orchestration/traces/" + traceUuid).get("trace"));
            }

            checkObject("workspace", http.readOk("/v1/workspaceManagement/workspaces/current").get("workspace"),
                    WORKSPACE);
            checkSubscription(http.readOk("/v1/billing/subscriptions").get("subscription"));

            sim.forbid(Endpoint.SUBSCRIPTION);
            List<HttpResponse<String>> errors = List.of(
                    http.read(RELEASES + "deployed?workflowUuid=" + DemoWorkflows.NO_DEPLOYED_RELEASE),
                    http.read(RELEASES + "c0ffee00-0000-4000-8000-00000000ffff"),
                    http.read(RELEASES + "list?limit=x"),
                    http.read("/v1/orchestration/traces/c0ffee00-0000-4000-8000-00000000ffff"),
                    http.read("/v1/billing/subscriptions"),
                    http.create(SimHttp.body(DemoWorkflows.NO_DEPLOYED_RELEASE, "{}")),
                    http.create(SimHttp.body(DemoWorkflows.LIMIT_REACHED_FIRST, "{}")));
            for (HttpResponse<String> error : errors) {
                assertTrue(error.statusCode() >= 400, error.body());
                checkErrorBody(SimHttp.json(error));
            }
        }
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

    /** A form field's required keys, the optional ones it has, and its kind's; then its item fields. */
    private static void checkFormField(JsonNode field, Set<String> kindsSeen) {
        String kind = field.path("kind").asText();
        Map<String, Set<Json>> kindFields = FORM_FIELD_KIND.get(kind);
        if (kindFields == null) {
            fail("kind is none of " + FORM_FIELD_KIND.keySet() + ": " + field);
        }
        Map<String, Set<Json>> expected = new LinkedHashMap<>(FORM_FIELD);
        FORM_FIELD_OPTIONAL.forEach((key, types) -> {
            if (field.has(key)) {
                expected.put(key, types);
            }
        });
        expected.putAll(kindFields);
        checkObject("form field " + kind, field, expected);
        kindsSeen.add(kind);
        if (kind.equals("enum")) {
            field.get("enum").forEach(value -> assertEquals(Json.STRING, typeOf(value), field.toString()));
        } else if (kind.equals("array")) {
            field.get("fields").forEach(item -> checkFormField(item, kindsSeen));
        }
    }

    private static void checkTool(JsonNode tool) {
        checkObject("tool", tool, TOOL);
        checkOneOf("tool icon", tool.get("icon"), TOOL_ICON);
        checkOneOf("tool creditsCost", tool.get("creditsCost"), TOOL_CREDITS_COST);
        // ToolTrigger and ToolPublicForm have object keys of their own; the simulator sends neither.
        assertEquals(0, tool.get("triggers").size(), tool.toString());
        assertTrue(tool.get("publicForm").isNull(), tool.toString());
    }

    private static void checkTrace(JsonNode trace) {
        checkObject("trace", trace, TRACE);
        assertTrue(TRACE_STATUSES.contains(trace.get("status").asText()), trace.toString());
    }

    private static void checkSubscription(JsonNode subscription) {
        checkObject("subscription", subscription, SUBSCRIPTION);
        assertTrue(Set.of("stripe", "orb").contains(subscription.get("provider").asText()));
        for (String behaviors : List.of("creditsOverageBehaviors", "creditsConsumptionBehaviors")) {
            for (JsonNode behavior : subscription.get(behaviors)) {
                checkObject(behaviors, behavior, CREDITS_BEHAVIOR);
                assertTrue(USAGE_UNITS.contains(behavior.get("unit").asText()), behavior.toString());
                assertTrue(Set.of("deny", "allow").contains(behavior.get("action").asText()), behavior.toString());
            }
        }
        assertTrue(subscription.get("creditsOverageBehaviors").size() > 0, "the fixture shows a behavior");
    }

    /** The error body Cargo's client reads: {@code reason} and {@code errorMessage}, each optional. */
    private static void checkErrorBody(JsonNode body) {
        Map<String, Set<Json>> expected = new LinkedHashMap<>();
        ERROR_BODY_OPTIONAL.forEach((key, types) -> {
            if (body.has(key)) {
                expected.put(key, types);
            }
        });
        assertFalse(expected.isEmpty(), "an error body says something: " + body);
        checkObject("error body", body, expected);
    }

    /** An object of a union type told apart by its {@code kind}. */
    private static void checkOneOf(String what, JsonNode object, Map<String, Map<String, Set<Json>>> byKind) {
        Map<String, Set<Json>> expected = byKind.get(object.path("kind").asText());
        if (expected == null) {
            fail(what + ".kind is none of " + byKind.keySet() + ": " + object);
        }
        checkObject(what, object, expected);
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
        } else if (value.isObject()) {
            return Json.OBJECT;
        }
        throw new AssertionError("not a JSON value: " + value);
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
