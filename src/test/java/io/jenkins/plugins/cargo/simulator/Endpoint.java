package io.jenkins.plugins.cargo.simulator;

/**
 * The Cargo runs endpoints the simulator serves, used to aim faults and to filter recorded requests.
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
        if ("GET".equals(method) && runUuidIn(path) != null) {
            return GET;
        }
        return OTHER;
    }

    /** The run uuid named by a {@code GET /v1/orchestration/runs/{uuid}} target, or null. */
    static String runUuidIn(String target) {
        String path = pathOf(target);
        String prefix = RUNS + "/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        return rest.isEmpty() || rest.contains("/") ? null : rest;
    }

    private static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
