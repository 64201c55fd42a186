package io.jenkins.plugins.cargo.simulator;

/**
 * The Cargo endpoints the simulator serves, used to aim faults and to filter recorded requests.
 */
public enum Endpoint {
    /** {@code POST /v1/orchestration/runs}. */
    CREATE,
    /** {@code GET /v1/orchestration/runs/{uuid}}. */
    GET,
    /** {@code POST /v1/orchestration/runs/cancel}. */
    CANCEL,
    /** {@code POST /v1/orchestration/runs/list}. */
    LIST,
    /** {@code GET /v1/orchestration/releases/{uuid}}. */
    RELEASE,
    /** {@code GET /v1/orchestration/releases/deployed?workflowUuid=…}. */
    DEPLOYED_RELEASE,
    /** {@code GET /v1/orchestration/releases/list?…}. */
    RELEASES,
    /** {@code GET /v1/orchestration/tools/list}. */
    TOOLS,
    /** {@code GET /v1/orchestration/traces/{uuid}}. */
    TRACE,
    /** {@code GET /v1/workspaceManagement/workspaces/current}. */
    WORKSPACE,
    /** {@code GET /v1/billing/subscriptions}. */
    SUBSCRIPTION,
    /**
     * Matches every request: a fault enqueued here hits the next request of any kind whose own queue is
     * empty, and {@code requests(ANY)} returns everything. No request is recorded with this value.
     */
    ANY,
    /**
     * A request that matched no route (answered 404). It has its own value so such requests are
     * still recorded with a non-null endpoint, instead of being disguised as {@link #ANY}.
     */
    OTHER;

    private static final String RUNS = "/v1/orchestration/runs";
    private static final String RELEASES_PATH = "/v1/orchestration/releases";
    private static final String TRACES = "/v1/orchestration/traces";

    /** Classifies a request by method and request target; a query string does not change the route. */
    static Endpoint of(String method, String target) {
        String path = pathOf(target);
        if ("POST".equals(method)) {
            switch (path) {
                case RUNS:
                    return CREATE;
                case RUNS + "/cancel":
                    return CANCEL;
                case RUNS + "/list":
                    return LIST;
                default:
                    return OTHER;
            }
        }
        if (!"GET".equals(method)) {
            return OTHER;
        }
        switch (path) {
            case RELEASES_PATH + "/deployed":
                return DEPLOYED_RELEASE;
            case RELEASES_PATH + "/list":
                return RELEASES;
            // Cargo has it; the simulator does not serve draft releases.
            case RELEASES_PATH + "/draft":
                return OTHER;
            case "/v1/orchestration/tools/list":
                return TOOLS;
            case "/v1/workspaceManagement/workspaces/current":
                return WORKSPACE;
            case "/v1/billing/subscriptions":
                return SUBSCRIPTION;
            default:
                break;
        }
        if (runUuidIn(path) != null) {
            return GET;
        }
        if (releaseUuidIn(path) != null) {
            return RELEASE;
        }
        return traceUuidIn(path) != null ? TRACE : OTHER;
    }

    /** The run uuid named by a {@code GET /v1/orchestration/runs/{uuid}} target, or null. */
    static String runUuidIn(String target) {
        return lastSegmentUnder(RUNS, target);
    }

    /** The release uuid named by a {@code GET /v1/orchestration/releases/{uuid}} target, or null. */
    static String releaseUuidIn(String target) {
        return lastSegmentUnder(RELEASES_PATH, target);
    }

    /** The trace uuid named by a {@code GET /v1/orchestration/traces/{uuid}} target, or null. */
    static String traceUuidIn(String target) {
        return lastSegmentUnder(TRACES, target);
    }

    /** The one path segment after {@code prefix + "/"}, or null if there is none or more than one. */
    private static String lastSegmentUnder(String prefix, String target) {
        String path = pathOf(target);
        String start = prefix + "/";
        if (!path.startsWith(start)) {
            return null;
        }
        String rest = path.substring(start.length());
        return rest.isEmpty() || rest.contains("/") ? null : rest;
    }

    static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
