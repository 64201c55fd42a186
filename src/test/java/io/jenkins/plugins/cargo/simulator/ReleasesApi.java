package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * The simulated releases endpoints (cargo-api.md 12.6): a release by uuid, a workflow's deployed
 * release, and a list. Every GET; filters come in the query string, encoded as Cargo's client does.
 */
final class ReleasesApi {

    private static final int DEFAULT_LIST_LIMIT = 25;
    private static final Set<String> STATUSES = Set.of("draft", "deployed", "archived");

    private final ReleaseStore releases;
    private final ReleaseJson json;
    private final SimAccount account;

    ReleasesApi(ReleaseStore releases, SimAccount account) {
        this.releases = releases;
        this.json = new ReleaseJson(account);
        this.account = account;
    }

    ApiReply handle(SimRequest request) throws InvalidDataException {
        switch (request.endpoint()) {
            case RELEASE:
                return get(Endpoint.releaseUuidIn(request.path()));
            case DEPLOYED_RELEASE:
                return deployed(QueryParams.of(request.path()));
            case RELEASES:
                return list(QueryParams.of(request.path()));
            default:
                throw new IllegalArgumentException("not a releases endpoint: " + request.endpoint());
        }
    }

    /** Cargo's client maps no reason for this one; the simulator answers like a missing run. */
    private ApiReply get(String releaseUuid) {
        releases.countRead(releaseUuid);
        ReleaseStore.StoredRelease stored = releases.find(releaseUuid);
        if (stored == null) {
            return ApiReply.error(404, null, "Release not found.");
        }
        return ApiReply.ok(single(stored));
    }

    private ApiReply deployed(QueryParams query) throws InvalidDataException {
        String workflowUuid = query.requiredText("workflowUuid");
        releases.countDeployedRead(workflowUuid);
        ReleaseStore.StoredRelease stored = releases.deployed(workflowUuid);
        if (stored == null) {
            // The one reason Cargo's client maps here ("Deployed release not found.").
            return ApiReply.error(404, "releaseNotFound", null);
        }
        return ApiReply.ok(single(stored));
    }

    /** Newest first. Every release is the token's user's, so a {@code userUuid} keeps all or none. */
    private ApiReply list(QueryParams query) throws InvalidDataException {
        String workflowUuid = query.optionalText("workflowUuid");
        String userUuid = query.optionalText("userUuid");
        List<String> statuses = query.optionalList("statuses");
        if (statuses != null && !STATUSES.containsAll(statuses)) {
            throw new InvalidDataException("statuses must be draft, deployed or archived");
        }
        int limit = query.optionalCount("limit", DEFAULT_LIST_LIMIT);
        int offset = query.optionalCount("offset", 0);
        ArrayNode list = JsonCodec.array();
        List<ReleaseStore.StoredRelease> matches = userUuid == null || userUuid.equals(account.userUuid())
                ? releases.matching(workflowUuid, statuses)
                : List.of();
        matches.stream()
                .skip(offset)
                .limit(limit)
                .forEach(stored -> list.add(json.release(stored)));
        ObjectNode reply = JsonCodec.object();
        reply.set("releases", list);
        return ApiReply.ok(reply);
    }

    private ObjectNode single(ReleaseStore.StoredRelease stored) {
        ObjectNode reply = JsonCodec.object();
        reply.set("release", json.release(stored));
        return reply;
    }
}
