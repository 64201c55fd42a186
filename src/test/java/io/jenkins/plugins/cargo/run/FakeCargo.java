package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.testing.VirtualTime;
import io.jenkins.plugins.cargo.api.CargoAuthenticationException;
import io.jenkins.plugins.cargo.api.CargoCredits;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoNotFoundException;
import io.jenkins.plugins.cargo.api.CargoOutcomeUnknownException;
import io.jenkins.plugins.cargo.api.CargoPort;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.CargoTrace;
import io.jenkins.plugins.cargo.api.CargoWorkspace;
import io.jenkins.plugins.cargo.api.ClientListener;
import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.RunStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory Cargo for the watch's tests: no sockets, no threads. Each created run follows a script
 * (one step per read, the last repeated); answers come at once, fail as told, or are held until the test
 * lets them go. Every call is recorded.
 */
final class FakeCargo implements CargoPort {
    private final VirtualTime time;
    /** "create", "get UUID", "cancel WORKFLOW UUID", "find WORKFLOW SINCE", in order. */
    final List<String> calls = new ArrayList<>();
    private final Map<String, FakeRun> runs = new LinkedHashMap<>();
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final Deque<CargoException> createFailures = new ArrayDeque<>();
    private final Deque<CargoException> getFailures = new ArrayDeque<>();
    private CargoException cancelFailure;
    private boolean holdCreates;
    private boolean holdGets;
    private boolean holdTraces;
    final List<CompletableFuture<CargoRun>> heldCreates = new ArrayList<>();
    final List<CompletableFuture<CargoRun>> heldGets = new ArrayList<>();
    private CompletableFuture<CargoRun> findAnswer;
    private ClientListener listener = ClientListener.NONE;
    private CompletableFuture<CargoRelease> release =
            CompletableFuture.completedFuture(new CargoRelease("release-1", null, "1", "deployed", null, null, List.of()));
    private CargoWorkspace workspace = new CargoWorkspace("ws-1", "Acme", 5);
    private CargoCredits credits;
    private java.util.function.Consumer<ClientListener> onCreate;

    FakeCargo(VirtualTime time) {
        this.time = time;
    }

    static CargoExecution exec(String slug, String title, String status, double credits, String error) {
        return new CargoExecution("node-" + slug, slug, "native", title, RunStatus.of(status), error,
                BigDecimal.valueOf(credits), null, null);
    }

    /** Runs made from now on follow this script (the last script given is reused). */
    FakeCargo script(Script script) {
        scripts.add(script);
        return this;
    }

    /** The next create fails with this (Cargo made no run). */
    FakeCargo failCreate(CargoException failure) {
        createFailures.add(failure);
        return this;
    }

    FakeCargo failGets(CargoException failure, int times) {
        for (int i = 0; i < times; i++) {
            getFailures.add(failure);
        }
        return this;
    }

    FakeCargo failCancel(CargoException failure) {
        cancelFailure = failure;
        return this;
    }

    FakeCargo holdCreates() {
        holdCreates = true;
        return this;
    }

    /** Trace reads never answer. */
    FakeCargo holdTraces() {
        holdTraces = true;
        return this;
    }

    FakeCargo holdGets() {
        holdGets = true;
        return this;
    }

    /** What a look-up of a create lost in a restart answers. */
    FakeCargo answerFind(CompletableFuture<CargoRun> answer) {
        findAnswer = answer;
        return this;
    }

    /** What reading the release to run answers (by default: a release whose form has no fields). */
    FakeCargo release(CompletableFuture<CargoRelease> answer) {
        release = answer;
        return this;
    }

    /** The credits the workspace has left; unset, reading them is refused (403). */
    FakeCargo credits(CargoCredits value) {
        credits = value;
        return this;
    }

    /** Makes a run as if created earlier (by another build, or before a restart). */
    String existingRun(String workflowUuid, Script script) {
        FakeRun run = new FakeRun(UUID.randomUUID().toString(), workflowUuid, null, script, time.now());
        runs.put(run.uuid, run);
        return run.uuid;
    }

    /** Completes the held create with a new run following the current script. */
    String releaseCreate(CreateRunRequest request) {
        FakeRun run = newRun(request);
        heldCreates.remove(0).complete(run.created());
        return run.uuid;
    }

    List<String> calls(String kind) {
        return calls.stream().filter(call -> call.startsWith(kind)).toList();
    }

    FakeRun run(String uuid) {
        return runs.get(uuid);
    }

    List<FakeRun> runs() {
        return new ArrayList<>(runs.values());
    }

    @Override
    public CompletableFuture<CargoRun> createRun(CreateRunRequest request) {
        calls.add("create");
        if (!createFailures.isEmpty()) {
            return CompletableFuture.failedFuture(createFailures.poll());
        }
        if (holdCreates) {
            CompletableFuture<CargoRun> held = new CompletableFuture<>();
            heldCreates.add(held);
            return held;
        }
        CompletableFuture<CargoRun> created = CompletableFuture.completedFuture(newRun(request).created());
        if (onCreate != null) {
            onCreate.accept(listener);
        }
        return created;
    }

    /** After the next create, tells the listener what {@code telling} says, as a client that retried would. */
    FakeCargo tellListener(java.util.function.Consumer<ClientListener> telling) {
        onCreate = telling;
        return this;
    }

    private FakeRun newRun(CreateRunRequest request) {
        Script script = scripts.size() > 1 ? scripts.poll() : scripts.peek();
        if (script == null) {
            script = Script.of("running", "success");
        }
        FakeRun run = new FakeRun(UUID.randomUUID().toString(), request.workflowUuid(), request.releaseUuid(), script,
                time.now());
        runs.put(run.uuid, run);
        return run;
    }

    @Override
    public CompletableFuture<CargoRun> getRun(String runUuid) {
        calls.add("get " + runUuid);
        if (!getFailures.isEmpty()) {
            return CompletableFuture.failedFuture(getFailures.poll());
        }
        FakeRun run = runs.get(runUuid);
        if (run == null) {
            return CompletableFuture.failedFuture(new CargoNotFoundException("Cargo has no run " + runUuid + " (HTTP 404).",
                    null, null));
        }
        CargoRun seen = run.read(time.now());
        if (holdGets) {
            CompletableFuture<CargoRun> held = new CompletableFuture<>();
            heldGets.add(held);
            return held;
        }
        return CompletableFuture.completedFuture(seen);
    }

    @Override
    public CompletableFuture<Void> cancelRun(String workflowUuid, String runUuid) {
        calls.add("cancel " + workflowUuid + " " + runUuid);
        if (cancelFailure != null) {
            return CompletableFuture.failedFuture(cancelFailure);
        }
        FakeRun run = runs.get(runUuid);
        if (run != null) {
            run.cancelRequested = true;
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<CargoRun> findCreatedRun(
            String workflowUuid, String releaseUuid, Instant attemptStarted, String lost) {
        calls.add("find " + workflowUuid + " " + attemptStarted);
        if (findAnswer != null) {
            return findAnswer;
        }
        List<FakeRun> created = runs.values().stream()
                .filter(run -> run.workflowUuid.equals(workflowUuid) && !run.createdAt.isBefore(attemptStarted))
                .toList();
        if (created.size() == 1) {
            return CompletableFuture.completedFuture(created.get(0).created());
        }
        return CompletableFuture.failedFuture(new CargoOutcomeUnknownException("The request to create a run may have"
                + " reached Cargo, but " + lost + ", and " + created.size() + " runs were found.", null));
    }

    @Override
    public CompletableFuture<CargoRelease> releaseToRun(String workflowUuid, String releaseUuid) {
        calls.add("release " + workflowUuid + " " + releaseUuid);
        return release;
    }

    @Override
    public CompletableFuture<CargoTrace> getTrace(String traceUuid) {
        calls.add("trace " + traceUuid);
        if (holdTraces) {
            return new CompletableFuture<>();
        }
        return runs.values().stream()
                .filter(run -> traceUuid.equals(run.traceUuid()) && run.script.trace != null)
                .findFirst()
                .map(run -> CompletableFuture.completedFuture(new CargoTrace(traceUuid, run.script.trace, 3,
                        run.script.trace.equals("success") ? 0 : 1, run.script.traceCredits)))
                .orElseGet(() -> CompletableFuture.failedFuture(
                        new CargoNotFoundException("Cargo has no trace " + traceUuid + " (HTTP 404).", "traceNotFound", null)));
    }

    @Override
    public CompletableFuture<CargoWorkspace> getWorkspace() {
        calls.add("workspace");
        return CompletableFuture.completedFuture(workspace);
    }

    @Override
    public CompletableFuture<CargoCredits> getCredits() {
        calls.add("credits");
        return credits != null
                ? CompletableFuture.completedFuture(credits)
                : CompletableFuture.failedFuture(new CargoAuthenticationException("forbidden", 403, null, "forbidden"));
    }

    @Override
    public CargoPort withListener(ClientListener newListener) {
        listener = newListener;
        return this;
    }

    /** What a run does, read by read. */
    static final class Script {
        private final List<Step> steps = new ArrayList<>();
        private Map<String, Object> output = Map.of();
        private String errorMessage;
        private boolean ignoresCancel;
        private String trace;
        private BigDecimal traceCredits = BigDecimal.ZERO;

        private record Step(String status, List<CargoExecution> executions) {}

        static Script of(String... statuses) {
            Script script = new Script();
            Arrays.stream(statuses).forEach(status -> script.step(status));
            return script;
        }

        Script step(String status, CargoExecution... executions) {
            steps.add(new Step(status, List.of(executions)));
            return this;
        }

        Script output(Map<String, Object> value) {
            output = value;
            return this;
        }

        Script errorMessage(String value) {
            errorMessage = value;
            return this;
        }

        /** The run has a trace with this status and these credits (child runs included). */
        Script trace(String status, double credits) {
            trace = status;
            traceCredits = BigDecimal.valueOf(credits);
            return this;
        }

        Script ignoresCancel() {
            ignoresCancel = true;
            return this;
        }
    }

    static final class FakeRun {
        final String uuid;
        final String workflowUuid;
        final String releaseUuid;
        final Script script;
        final Instant createdAt;
        int reads;
        boolean cancelRequested;

        FakeRun(String uuid, String workflowUuid, String releaseUuid, Script script, Instant createdAt) {
            this.uuid = uuid;
            this.workflowUuid = workflowUuid;
            this.releaseUuid = releaseUuid;
            this.script = script;
            this.createdAt = createdAt;
        }

        String traceUuid() {
            return "trace-" + uuid;
        }

        CargoRun created() {
            return CargoRun.builder(uuid, RunStatus.PENDING).workflowUuid(workflowUuid).releaseUuid(releaseUuid)
                    .traceUuid(traceUuid()).createdAt(createdAt).build();
        }

        CargoRun read(Instant now) {
            Script.Step step = script.steps.get(Math.min(reads, script.steps.size() - 1));
            reads++;
            RunStatus status = cancelRequested && !script.ignoresCancel ? RunStatus.CANCELLED : RunStatus.of(step.status);
            boolean over = status.isTerminal();
            return CargoRun.builder(uuid, status)
                    .workflowUuid(workflowUuid)
                    .releaseUuid(releaseUuid)
                    .traceUuid(traceUuid())
                    .executions(step.executions)
                    .errorMessage(over ? script.errorMessage : null)
                    .output(over ? script.output : Map.of())
                    .createdAt(createdAt)
                    .finishedAt(over ? now : null)
                    .build();
        }
    }
}
