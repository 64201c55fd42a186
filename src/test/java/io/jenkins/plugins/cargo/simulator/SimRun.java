package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One run the simulator created, and the server-side truth about it that tests assert on.
 *
 * <p>All mutable state is guarded by this object's monitor: a benchmark polls many runs from several
 * threads, and a cancel can race a GET of the same run.
 */
public final class SimRun {

    /** An execution's identity across steps: its node and its pass of a loop. */
    private record ExecutionKey(String nodeSlug, Integer childIndex) {
        static ExecutionKey of(SimExecution execution) {
            return new ExecutionKey(execution.nodeSlug(), execution.nodeChildIndex());
        }
    }

    private final long sequence;
    private final String uuid = SimUuids.random();
    /** Cargo's recordId is never null; a run made from data rather than a stored record gets an id of its own. */
    private final String recordId = SimUuids.random();
    private final String workflowUuid;
    private final String releaseUuid;
    private final JsonNode data;
    private final String dataJson;
    private final Lineage lineage;
    private final Instant createdAt;
    private final RunScript script;
    private final SimClock clock;
    private final ChildRuns childRuns;
    /** Taken by request threads outside the run's lock, hence a concurrent queue. */
    private final Queue<Fault> firstGetFaults;

    private String status;
    private List<SimExecution> executions = List.of();
    private final Map<ExecutionKey, ExecutionTrack> tracks = new LinkedHashMap<>();
    private final Map<String, String> nodeUuids = new HashMap<>();
    private Instant updatedAt;
    private Instant terminalAt;
    /** True when the script (not a cancel) ended the run: only then do errorMessage and output show. */
    private boolean finishedByScript;
    /** GETs still to show "cancelling"; negative while no cancel is in progress. */
    private int cancelPollsLeft = -1;
    /** Set once a cancel has ended the run; from then on nothing moves it. */
    private boolean cancelled;
    /** For a timed script, how many of its steps the run has gone through. */
    private int timedStepsShown;
    private int getCount;
    private int cancelRequests;
    private boolean deleted;

    SimRun(long sequence, NewRun spec, Instant createdAt, SimClock clock, ChildRuns childRuns) {
        this.sequence = sequence;
        this.workflowUuid = spec.workflowUuid();
        this.releaseUuid = spec.releaseUuid();
        this.data = spec.data();
        this.dataJson = JsonCodec.write(spec.data());
        this.lineage = spec.lineage();
        this.script = spec.script();
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.clock = clock;
        this.childRuns = childRuns;
        this.firstGetFaults = new ConcurrentLinkedQueue<>(spec.firstGetFaults());
    }

    /**
     * Puts the run in its first state. Separate from the constructor because that state can include a
     * tool execution, whose child run must only be made once this run is in the store.
     */
    synchronized void begin() {
        show(RunStep.of(script.createStatus()), createdAt, createdAt);
        followClock(createdAt);
    }

    public String uuid() {
        return uuid;
    }

    public String workflowUuid() {
        return workflowUuid;
    }

    /** The releaseUuid the create request pinned, or null. */
    public String releaseUuid() {
        return releaseUuid;
    }

    /** The run's trace, shared with its parent and children. */
    public String traceUuid() {
        return lineage.traceUuid();
    }

    /** The run whose tool node made this run, or null for a run created through the API. */
    public String parentUuid() {
        return lineage.parentUuid();
    }

    /** The nodeUuid of the parent's tool node that made this run, or null. */
    public String parentNodeUuid() {
        return lineage.parentNodeUuid();
    }

    /** The create body's {@code data} (a child run's is its parent's) as compact JSON text. */
    public String dataJson() {
        return dataJson;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The server-side status now: the last one served for a stepped script, the clock's for a timed one. */
    public synchronized String status() {
        followClock(clock.now());
        return status;
    }

    /** GETs of this run that the simulator processed (each advanced the script by one step). */
    public synchronized int getCount() {
        return getCount;
    }

    /** By-id cancel requests that named this run under its own workflowUuid, whatever its state then. */
    public synchronized int cancelRequests() {
        return cancelRequests;
    }

    /** When the server-side state became terminal, or null while it is not. */
    public synchronized Instant terminalAt() {
        followClock(clock.now());
        return terminalAt;
    }

    /** True after {@link CargoSimulator#deleteRun(String)}. */
    public synchronized boolean deleted() {
        return deleted;
    }

    long sequence() {
        return sequence;
    }

    JsonNode data() {
        return data;
    }

    /** The fault the next GET of this run is answered with, or null once its first-GET faults are spent. */
    Fault takeFirstGetFault() {
        return firstGetFaults.poll();
    }

    /** Processes one GET: moves the run on by one step (or one cancel poll) and returns what it shows. */
    synchronized RunView poll(Instant now) {
        getCount++;
        if (cancelled) {
            // Stays cancelled, whatever the script would have shown next.
        } else if (cancelPollsLeft > 0) {
            cancelPollsLeft--;
        } else if (cancelPollsLeft == 0) {
            finishCancel(now);
        } else if (script.isTimed()) {
            followClock(now);
        } else {
            show(script.stepAt(getCount - 1), now, now);
        }
        return view(now);
    }

    /**
     * Processes a by-id cancel naming this run. Returns false when the run was already terminal (or
     * deleted, or cancelling), which the API silently ignores.
     */
    synchronized boolean cancel(Instant now) {
        cancelRequests++;
        followClock(now);
        if (deleted || RunStatuses.isTerminal(status) || cancelPollsLeft >= 0) {
            return false;
        }
        cancelPollsLeft = script.cancelPolls();
        status = RunStatuses.CANCELLING;
        updatedAt = now;
        if (cancelPollsLeft == 0) {
            finishCancel(now);
        }
        return true;
    }

    synchronized void delete() {
        deleted = true;
    }

    /** The run as it stands, without advancing it (for create and list responses). */
    synchronized RunView view(Instant now) {
        followClock(now);
        List<ExecutionView> executionViews = new ArrayList<>();
        for (SimExecution execution : executions) {
            executionViews.add(tracks.get(ExecutionKey.of(execution)).view());
        }
        boolean scriptEnded = finishedByScript && terminalAt != null;
        return new RunView(
                uuid,
                workflowUuid,
                releaseUuid,
                lineage,
                recordId,
                dataJson,
                status,
                scriptEnded ? script.errorMessage() : null,
                executionViews,
                createdAt,
                updatedAt,
                terminalAt,
                scriptEnded && script.output() != null ? script.output() : startContext());
    }

    private JsonNode startContext() {
        ObjectNode context = JsonCodec.object();
        context.set("start", data);
        return context;
    }

    /**
     * For a timed script the state is a function of the clock, unless a cancel took over. Steps that
     * fell due since the last look are gone through one by one, each at its own time, so nothing
     * depends on when the run happens to be polled.
     */
    private void followClock(Instant now) {
        if (!script.isTimed() || cancelPollsLeft >= 0 || cancelled) {
            return;
        }
        int due = script.timedStepsDue(createdAt, now);
        for (; timedStepsShown < due; timedStepsShown++) {
            Instant at = script.timedStepAt(createdAt, timedStepsShown);
            show(script.timedStep(timedStepsShown), at, at);
        }
    }

    /**
     * Makes {@code step} the current state. {@code changedAt} stamps updatedAt if anything changed;
     * {@code endedAt} is the terminalAt to record if the step is terminal.
     */
    private void show(RunStep step, Instant changedAt, Instant endedAt) {
        if (!step.status().equals(status) || !step.executions().equals(executions)) {
            updatedAt = changedAt;
        }
        status = step.status();
        executions = step.executions();
        for (SimExecution execution : executions) {
            ExecutionTrack track = tracks.get(ExecutionKey.of(execution));
            if (track == null) {
                track = newTrack(execution, changedAt);
                tracks.put(ExecutionKey.of(execution), track);
            }
            track.show(execution, changedAt);
        }
        if (!RunStatuses.isTerminal(status)) {
            terminalAt = null;
            finishedByScript = false;
        } else if (terminalAt == null) {
            terminalAt = endedAt;
            finishedByScript = true;
        }
    }

    /** The first sight of an execution; a tool node's child run is made now, created at {@code at}. */
    private ExecutionTrack newTrack(SimExecution execution, Instant at) {
        String nodeUuid = nodeUuids.computeIfAbsent(execution.nodeSlug(), slug -> SimUuids.random());
        String childRunUuid = execution.node() instanceof SimNode.Tool tool
                ? childRuns.start(this, nodeUuid, tool, at)
                : null;
        return new ExecutionTrack(nodeUuid, childRunUuid, at);
    }

    private void finishCancel(Instant now) {
        cancelPollsLeft = -1;
        cancelled = true;
        status = RunStatuses.CANCELLED;
        updatedAt = now;
        terminalAt = now;
        finishedByScript = false;
    }
}
