package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated Cargo API as a whole: checks the token (401) and its rights (403, for endpoints a test
 * has forbidden), then hands the request to the endpoint's handler. Reached only for requests that are
 * actually processed, not for faults that answer instead of the service.
 */
final class SimApi {

    private static final String BEARER = "bearer ";

    private final SimulatorSettings settings;
    private final RunStore runs;
    private final RunsApi runsApi;
    private final ReleasesApi releasesApi;
    private final TraceJson traceJson;
    private final WorkspaceJson workspaceJson;
    private final SimClock clock;

    SimApi(SimulatorSettings settings, RunStore runs, ReleaseStore releases, SimAccount account, SimClock clock) {
        this.settings = settings;
        this.runs = runs;
        this.runsApi = new RunsApi(settings, runs, new RunJson(account.workspaceUuid()));
        this.releasesApi = new ReleasesApi(releases, account);
        this.traceJson = new TraceJson(account);
        this.workspaceJson = new WorkspaceJson(account);
        this.clock = clock;
    }

    ApiReply handle(SimRequest request) {
        if (!authorized(request.header("Authorization"))) {
            return ApiReply.error(401, null, "unauthorized");
        }
        if (settings.forbidden(request.endpoint())) {
            return ApiReply.error(403, null, "forbidden");
        }
        Instant now = clock.now();
        try {
            switch (request.endpoint()) {
                case CREATE:
                case GET:
                case CANCEL:
                case LIST:
                    return runsApi.handle(request, now);
                case RELEASE:
                case DEPLOYED_RELEASE:
                case RELEASES:
                    return releasesApi.handle(request);
                case TOOLS:
                    return tools();
                case TRACE:
                    return trace(Endpoint.traceUuidIn(request.path()), now);
                case WORKSPACE:
                    return single("workspace", workspaceJson.workspace(settings.workspace()));
                case SUBSCRIPTION:
                    return single("subscription", workspaceJson.subscription(settings.subscription()));
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

    private ApiReply tools() {
        ArrayNode tools = JsonCodec.array();
        settings.tools().forEach(tool -> tools.add(workspaceJson.tool(tool)));
        ObjectNode reply = JsonCodec.object();
        reply.set("tools", tools);
        return ApiReply.ok(reply);
    }

    /** A trace is there while its root run is; its child runs count even if deleted. */
    private ApiReply trace(String traceUuid, Instant now) {
        List<SimRun> inTrace = runs.inTrace(traceUuid);
        if (inTrace.isEmpty() || inTrace.get(0).deleted()) {
            return ApiReply.error(404, "traceNotFound", null);
        }
        // Bringing a run up to date can start the child runs of its tool nodes, which then have to be
        // brought up to date in turn: look again until no run is new.
        Map<String, RunView> views = new HashMap<>();
        while (views.size() < inTrace.size()) {
            inTrace.forEach(run -> views.computeIfAbsent(run.uuid(), uuid -> run.view(now)));
            inTrace = runs.inTrace(traceUuid);
        }
        List<RunView> ordered = new ArrayList<>();
        inTrace.forEach(run -> ordered.add(views.get(run.uuid())));
        return single("trace", traceJson.trace(ordered.get(0), ordered));
    }

    private static ApiReply single(String key, ObjectNode value) {
        ObjectNode reply = JsonCodec.object();
        reply.set(key, value);
        return ApiReply.ok(reply);
    }
}
