package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.testing.VirtualTime;
import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoNotFoundException;
import io.jenkins.plugins.cargo.api.CargoOutcomeUnknownException;
import io.jenkins.plugins.cargo.api.CargoAuthenticationException;
import io.jenkins.plugins.cargo.api.CargoCredits;
import io.jenkins.plugins.cargo.api.CargoPort;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.CargoTrace;
import io.jenkins.plugins.cargo.api.CargoWorkspace;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.ClientListener;
import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.RunStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory Cargo for the glue's tests. A created run shows {@code running}; the first read shows the
 * end the test chose for it (or {@code running} for ever), a cancel makes it {@code cancelled}. Every call
 * is recorded as "create WORKFLOW", "get RUN", "cancel RUN", "find WORKFLOW" or "trace TRACE".
 */
final class ScriptedCargo implements CargoPort {
    private final VirtualTime time;
    final List<String> calls = new ArrayList<>();
    private final Map<String, CargoRun> shown = new LinkedHashMap<>();
    private final Map<String, CargoRun> ends = new LinkedHashMap<>();
    private CargoRun.Builder nextEnd;
    private CargoTrace nextTrace;
    private final Map<String, CargoTrace> traces = new LinkedHashMap<>();
    private int created;

    ScriptedCargo(VirtualTime time) {
        this.time = time;
        endNextRuns(RunStatus.SUCCESS, null);
    }

    static CargoExecution execution(String slug, String title, String status, String credits, String error) {
        return new CargoExecution("node-" + slug, slug, "native", title, RunStatus.of(status), error,
                new BigDecimal(credits), null, null);
    }

    /** Runs created from now on end with {@code status} at their first read; null keeps them running. */
    ScriptedCargo endNextRuns(RunStatus status, String errorMessage, CargoExecution... executions) {
        nextEnd = status == null ? null : CargoRun.builder("?", status)
                .errorMessage(errorMessage)
                .executions(List.of(executions))
                .output(Map.of("end", Map.of("score", 87)));
        return this;
    }

    /**
     * Runs created from now on have a trace with this status and credit count (their child runs' included),
     * which the watch reads once they end; without it (the default) there is no trace.
     */
    ScriptedCargo traceNextRuns(String status, String credits) {
        nextTrace = new CargoTrace("?", status, 0, 0, new BigDecimal(credits));
        return this;
    }

    /** A finished run made outside the watch, such as the child run a tool node started. */
    synchronized String addFinishedRun(String workflowUuid, RunStatus status, String errorMessage, CargoExecution... executions) {
        String uuid = make(workflowUuid, null);
        Instant now = time.now();
        ends.remove(uuid);
        shown.put(uuid, CargoRun.builder(uuid, status).workflowUuid(workflowUuid).errorMessage(errorMessage)
                .executions(List.of(executions)).createdAt(now).finishedAt(now).build());
        return uuid;
    }

    /** A run made outside the watch, such as one started by another build. */
    String addRun(String workflowUuid) {
        return make(workflowUuid, null);
    }

    private String make(String workflowUuid, String releaseUuid) {
        String uuid = UUID.nameUUIDFromBytes(("run " + ++created).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        Instant now = time.now();
        String traceUuid = null;
        if (nextTrace != null) {
            traceUuid = "trace-" + uuid;
            traces.put(traceUuid, new CargoTrace(traceUuid, nextTrace.status(), nextTrace.spansCount(),
                    nextTrace.failedSpansCount(), nextTrace.creditsUsed()));
        }
        shown.put(uuid, CargoRun.builder(uuid, RunStatus.RUNNING).workflowUuid(workflowUuid).releaseUuid(releaseUuid)
                .traceUuid(traceUuid).createdAt(now).build());
        if (nextEnd != null) {
            CargoRun template = nextEnd.build();
            ends.put(uuid, CargoRun.builder(uuid, template.status()).workflowUuid(workflowUuid).releaseUuid(releaseUuid)
                    .traceUuid(traceUuid).errorMessage(template.errorMessage()).executions(template.executions())
                    .output(template.output()).createdAt(now).finishedAt(now.plusSeconds(4)).build());
        }
        return uuid;
    }

    @Override
    public synchronized CompletableFuture<CargoRun> createRun(CreateRunRequest request) {
        calls.add("create " + request.workflowUuid());
        String uuid = make(request.workflowUuid(), request.releaseUuid());
        return CompletableFuture.completedFuture(shown.get(uuid));
    }

    @Override
    public synchronized CompletableFuture<CargoRun> getRun(String runUuid) {
        calls.add("get " + runUuid);
        CargoRun end = ends.remove(runUuid);
        if (end != null) {
            shown.put(runUuid, end);
        }
        CargoRun run = shown.get(runUuid);
        return run == null
                ? CompletableFuture.failedFuture(new CargoNotFoundException("Cargo has no run " + runUuid, null, null))
                : CompletableFuture.completedFuture(run);
    }

    @Override
    public synchronized CompletableFuture<Void> cancelRun(String workflowUuid, String runUuid) {
        calls.add("cancel " + runUuid);
        CargoRun run = shown.get(runUuid);
        if (run != null && !run.isTerminal()) {
            ends.put(runUuid, CargoRun.builder(runUuid, RunStatus.CANCELLED).workflowUuid(run.workflowUuid())
                    .createdAt(run.createdAt()).finishedAt(time.now()).build());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<CargoRun> findCreatedRun(String workflowUuid, String releaseUuid,
            Instant attemptStarted, String lost) {
        calls.add("find " + workflowUuid);
        List<CargoRun> candidates = shown.values().stream().filter(r -> workflowUuid.equals(r.workflowUuid())).toList();
        return candidates.size() == 1
                ? CompletableFuture.completedFuture(candidates.get(0))
                : CompletableFuture.failedFuture(new CargoOutcomeUnknownException("found " + candidates.size() + " runs", null));
    }

    /** A deployed release without a form: the data is not checked. */
    @Override
    public CompletableFuture<CargoRelease> releaseToRun(String workflowUuid, String releaseUuid) {
        return CompletableFuture.completedFuture(new CargoRelease("release-1", workflowUuid, "1", "deployed", null, null, null));
    }

    /** The trace of a run made after {@link #traceNextRuns}; else none, and the outcome is what the run itself says. */
    @Override
    public synchronized CompletableFuture<CargoTrace> getTrace(String traceUuid) {
        calls.add("trace " + traceUuid);
        CargoTrace trace = traces.get(traceUuid);
        return trace == null
                ? CompletableFuture.failedFuture(new CargoNotFoundException("no trace", "traceNotFound", null))
                : CompletableFuture.completedFuture(trace);
    }

    @Override
    public CompletableFuture<CargoWorkspace> getWorkspace() {
        return CompletableFuture.completedFuture(new CargoWorkspace("ws-1", "Acme", 5));
    }

    @Override
    public CompletableFuture<CargoCredits> getCredits() {
        return CompletableFuture.failedFuture(new CargoAuthenticationException("forbidden", 403, null, null));
    }

    @Override
    public CargoPort withListener(ClientListener listener) {
        return this;
    }

    synchronized long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }
}
