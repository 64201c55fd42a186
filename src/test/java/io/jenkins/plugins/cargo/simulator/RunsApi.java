package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The simulated Cargo runs API: turns one authenticated request to a runs endpoint into a reply,
 * changing run state as the real service would. Only reached, through {@link SimApi}, for requests
 * that are actually processed (not for faults that answer instead of the service).
 */
final class RunsApi {

    private static final int DEFAULT_LIST_LIMIT = 25;

    private final SimulatorSettings settings;
    private final RunStore store;
    private final RunFactory factory;
    private final RunJson json;

    RunsApi(SimulatorSettings settings, RunStore store, RunJson json) {
        this.settings = settings;
        this.store = store;
        this.factory = new RunFactory(settings, store);
        this.json = json;
    }

    /** Answers a request to one of the runs endpoints, as of {@code now}. */
    ApiReply handle(SimRequest request, Instant now) throws InvalidDataException {
        switch (request.endpoint()) {
            case CREATE:
                return create(BodyFields.parse(request.body()), now);
            case GET:
                return get(Endpoint.runUuidIn(request.path()), now);
            case CANCEL:
                return cancel(BodyFields.parse(request.body()), now);
            case LIST:
                return list(BodyFields.parse(request.body()), now);
            default:
                throw new IllegalArgumentException("not a runs endpoint: " + request.endpoint());
        }
    }

    private ApiReply create(BodyFields body, Instant now) throws InvalidDataException {
        String workflowUuid = body.requiredText("workflowUuid");
        if (!body.has("data")) {
            throw new InvalidDataException("data is required");
        }
        String releaseUuid = body.optionalText("releaseUuid");
        ApiReply rejection = settings.createRejection(workflowUuid);
        if (rejection != null) {
            return rejection;
        }
        SimRun run = factory.createRoot(workflowUuid, releaseUuid, body.raw("data"), now);
        ObjectNode reply = JsonCodec.object();
        reply.set("run", json.run(run.view(now)));
        return ApiReply.ok(reply);
    }

    private ApiReply get(String runUuid, Instant now) {
        SimRun run = store.find(runUuid);
        if (run == null || run.deleted()) {
            return ApiReply.error(404, null, "Run not found.");
        }
        RunView view = run.poll(now);
        ObjectNode reply = JsonCodec.object();
        reply.set("run", json.run(view));
        reply.set("runContext", view.runContext());
        reply.putObject("runComputedConfigs");
        return ApiReply.ok(reply);
    }

    private ApiReply cancel(BodyFields body, Instant now) throws InvalidDataException {
        String workflowUuid = body.requiredText("workflowUuid");
        JsonNode uuids = body.raw("uuids");
        // The by-filter form could cancel other people's runs; the plugin must never send it, so the
        // simulator refuses it loudly instead of pretending to cancel.
        if (uuids == null || !uuids.isArray()) {
            throw new InvalidDataException("uuids is required");
        }
        for (JsonNode uuid : uuids) {
            SimRun run = store.find(uuid.asText());
            // Cancels are scoped to the named workflow, as a workspace API would be.
            if (run != null && run.workflowUuid().equals(workflowUuid)) {
                run.cancel(now);
            }
        }
        return ApiReply.ok(JsonCodec.object());
    }

    private ApiReply list(BodyFields body, Instant now) throws InvalidDataException {
        RunQuery query = RunQuery.of(body);
        int limit = body.optionalCount("limit", DEFAULT_LIST_LIMIT);
        int offset = body.optionalCount("offset", 0);
        List<RunView> matches = store.matching(query, now);
        ArrayNode runs = JsonCodec.array();
        matches.stream().skip(offset).limit(limit).forEach(run -> runs.add(json.run(run)));
        ObjectNode reply = JsonCodec.object();
        reply.set("runs", runs);
        // The total before paging, so a client can tell a full page from the end of the list.
        reply.put("count", matches.size());
        return ApiReply.ok(reply);
    }
}
