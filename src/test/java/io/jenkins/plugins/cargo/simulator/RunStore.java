package io.jenkins.plugins.cargo.simulator;

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

    /**
     * Makes a run and puts it in its first state. A first state with a tool execution makes a child run
     * in turn (re-entering this lock on the same thread), which is then stored after its parent. No other
     * thread can hold a brand-new run's lock, so taking it while holding the store's cannot deadlock.
     */
    SimRun create(NewRun spec, Instant createdAt, ChildRuns childRuns) {
        synchronized (inOrder) {
            SimRun run = new SimRun(inOrder.size(), spec, createdAt, clock, childRuns);
            inOrder.add(run);
            byUuid.put(run.uuid(), run);
            run.begin();
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
