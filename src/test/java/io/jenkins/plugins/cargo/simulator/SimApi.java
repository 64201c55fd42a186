package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;

/**
 * The simulated Cargo API as a whole: checks the token (401) and its rights (403, for endpoints a test
 * has forbidden), then hands the request to the endpoint's handler. Reached only for requests that are
 * actually processed, not for faults that answer instead of the service.
 */
final class SimApi {

    private static final String BEARER = "bearer ";

    private final SimulatorSettings settings;
    private final RunsApi runsApi;
    private final ReleasesApi releasesApi;
    private final SimClock clock;

    SimApi(SimulatorSettings settings, RunStore runs, ReleaseStore releases, SimAccount account, SimClock clock) {
        this.settings = settings;
        this.runsApi = new RunsApi(settings, runs, new RunJson(account.workspaceUuid()));
        this.releasesApi = new ReleasesApi(releases, account);
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
}
