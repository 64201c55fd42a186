package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every run the simulator made, findable by uuid and kept in creation order. Thread-safe. */
final class RunStore {

    private final Map<String, SimRun> byUuid = new ConcurrentHashMap<>();
    /** Creation order; also the lock that makes sequence numbers follow that order. */
    private final List<SimRun> inOrder = new ArrayList<>();
    private final SimClock clock;

    RunStore(SimClock clock) {
        this.clock = clock;
    }

    SimRun create(String workflowUuid, String releaseUuid, JsonNode data, RunScript script, Instant now) {
        synchronized (inOrder) {
            SimRun run = new SimRun(inOrder.size(), workflowUuid, releaseUuid, data, script, now, clock);
            inOrder.add(run);
            byUuid.put(run.uuid(), run);
            return run;
        }
    }

    /** The run with this uuid, deleted or not, or null. */
    SimRun find(String uuid) {
        return byUuid.get(uuid);
    }

    List<SimRun> all() {
        synchronized (inOrder) {
            return List.copyOf(inOrder);
        }
    }

    /**
     * Snapshots, taken at {@code now}, of the live runs matching a list query, newest first (later
     * creation wins a tie). Each run is judged and shown from the same snapshot.
     */
    List<RunView> matching(RunQuery query, Instant now) {
        List<SimRun> newestFirst = new ArrayList<>(all());
        newestFirst.sort(Comparator.comparing(SimRun::createdAt)
                .thenComparingLong(SimRun::sequence)
                .reversed());
        List<RunView> matches = new ArrayList<>();
        for (SimRun run : newestFirst) {
            if (run.deleted()) {
                continue;
            }
            RunView view = run.view(now);
            if (query.matches(view)) {
                matches.add(view);
            }
        }
        return matches;
    }
}
