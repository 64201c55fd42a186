package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The simulated Cargo runs API: turns one authenticated request into a reply, changing run state as
 * the real service would. Only reached for requests that are actually processed (not for faults
 * that answer instead of the service).
 */
final class RunsApi {

    private static final String BEARER = "bearer ";
    private static final int DEFAULT_LIST_LIMIT = 25;

    private final SimulatorSettings settings;
    private final RunStore store;
    private final RunFactory factory;
    private final RunJson json;
    private final SimClock clock;

    RunsApi(SimulatorSettings settings, RunStore store, RunJson json, SimClock clock) {
        this.settings = settings;
        this.store = store;
        this.factory = new RunFactory(settings, store);
        this.json = json;
        this.clock = clock;
    }

    ApiReply handle(SimRequest request) {
        if (!authorized(request.header("Authorization"))) {
            return ApiReply.error(401, null, "unauthorized");
        }
        Instant now = clock.now();
        try {
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
                    return ApiReply.error(404, null, "Not found.");
            }
        } catch (InvalidDataException e) {
            return e.reply();
        }
    }

    private boolean authorized(String authorization) {
        // The scheme name is case-insensitive (RFC 9110); the token must match exactly.
        return authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && authorization.substring(BEARER.length()).equals(settings.acceptedToken());
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
