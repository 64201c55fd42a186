package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The releases tests gave the simulator, by workflow, and how often each was read. Thread-safe: every
 * method holds the store's lock, and what leaves it is an immutable {@link StoredRelease}.
 */
final class ReleaseStore {

    /** A release as served: what the test gave plus what the simulator keeps about it. */
    record StoredRelease(
            String workflowUuid, SimRelease release, String status, Instant deployedAt, Instant createdAt,
            Instant updatedAt) {

        StoredRelease archivedAt(Instant now) {
            return new StoredRelease(workflowUuid, release, "archived", deployedAt, createdAt, now);
        }
    }

    private final Map<String, StoredRelease> byUuid = new HashMap<>();
    private final List<String> inOrder = new ArrayList<>();
    private final Map<String, Integer> releaseReads = new HashMap<>();
    private final Map<String, Integer> deployedReads = new HashMap<>();

    /**
     * Adds a release of the workflow at {@code now}. A workflow has at most one deployed release, so
     * adding a deployed one archives the one deployed before (updatedAt {@code now}, deployedAt kept).
     * A uuid already in use is refused.
     */
    synchronized StoredRelease add(String workflowUuid, SimRelease release, Instant now) {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(release, "release");
        if (byUuid.containsKey(release.uuid())) {
            throw new IllegalArgumentException("a release with uuid " + release.uuid() + " exists already");
        }
        if (release.status().equals("deployed")) {
            StoredRelease previous = deployed(workflowUuid);
            if (previous != null) {
                byUuid.put(previous.release().uuid(), previous.archivedAt(now));
            }
        }
        Instant deployedAt = release.deployedAt() != null || release.status().equals("draft")
                ? release.deployedAt()
                : now;
        StoredRelease stored = new StoredRelease(workflowUuid, release, release.status(), deployedAt, now, now);
        byUuid.put(release.uuid(), stored);
        inOrder.add(release.uuid());
        return stored;
    }

    /** The release with this uuid, or null. */
    synchronized StoredRelease find(String releaseUuid) {
        return byUuid.get(releaseUuid);
    }

    /** The workflow's deployed release, or null if it has none. */
    synchronized StoredRelease deployed(String workflowUuid) {
        for (String uuid : inOrder) {
            StoredRelease stored = byUuid.get(uuid);
            if (stored.workflowUuid().equals(workflowUuid) && stored.status().equals("deployed")) {
                return stored;
            }
        }
        return null;
    }

    /**
     * The releases of a workflow (of every workflow when null) whose status is one of {@code statuses}
     * (any when null), newest first, that is in the reverse of the order they were added.
     */
    synchronized List<StoredRelease> matching(String workflowUuid, List<String> statuses) {
        List<StoredRelease> matches = new ArrayList<>();
        for (int i = inOrder.size() - 1; i >= 0; i--) {
            StoredRelease stored = byUuid.get(inOrder.get(i));
            if ((workflowUuid == null || workflowUuid.equals(stored.workflowUuid()))
                    && (statuses == null || statuses.contains(stored.status()))) {
                matches.add(stored);
            }
        }
        return matches;
    }

    synchronized void countRead(String releaseUuid) {
        releaseReads.merge(releaseUuid, 1, Integer::sum);
    }

    synchronized void countDeployedRead(String workflowUuid) {
        deployedReads.merge(workflowUuid, 1, Integer::sum);
    }

    synchronized int reads(String releaseUuid) {
        return releaseReads.getOrDefault(releaseUuid, 0);
    }

    synchronized int deployedReads(String workflowUuid) {
        return deployedReads.getOrDefault(workflowUuid, 0);
    }
}
