package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Cargo's orchestration runs API for one API URL and one token: create, get, cancel and list runs,
 * each answered through a future. Nothing blocks the caller; OkHttp's dispatcher runs the exchanges and
 * retries are timed by the shared {@link CargoHttp}'s scheduler, never slept.
 *
 * <p>Creates, cancels and lists are retried on failures that may pass, as the {@link RetryPolicy} says;
 * reads are tried once by default, since a watch decides itself when to read again. A create is never
 * sent twice once it may have reached Cargo, because Cargo has no idempotency key and a second request
 * would start (and bill) a second run. When a create's answer is lost, the client looks the run up in
 * the list of the workflow's runs instead; when that does not identify it, the future fails with a
 * {@link CargoOutcomeUnknownException} that says what to check.
 *
 * <p>Cheap to make (it only holds settings) and thread-safe. The token is asked of the
 * {@link TokenSource} for every request and kept nowhere.
 */
public final class CargoClient implements CargoPort {
    private static final Logger LOGGER = Logger.getLogger(CargoClient.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");

    /** A form read shared by many builds: 3 attempts within 10 s on failures that may pass. */
    static final RetryPolicy FORM_READ_RETRIES =
            RetryPolicy.of(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10));

    /** Sent as {@code x-cargo-origin}, so Cargo can tell runs started from Jenkins. */
    public static final String ORIGIN = "jenkins-plugin";

    private final CargoHttp transport;
    private final CargoApiUrl apiUrl;
    private final TokenSource tokens;
    private final RetryPolicy retryPolicy;
    private final RetryPolicy readRetryPolicy;
    private final ClientListener listener;
    private final ResponseReader reader;

    private CargoClient(CargoHttp transport, CargoApiUrl apiUrl, TokenSource tokens, RetryPolicy retryPolicy,
            RetryPolicy readRetryPolicy, ClientListener listener) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.retryPolicy = Objects.requireNonNull(retryPolicy);
        this.readRetryPolicy = Objects.requireNonNull(readRetryPolicy);
        this.listener = Objects.requireNonNull(listener);
        this.reader = new ResponseReader(transport.clock);
    }

    /** A client of the API at {@code apiUrl} using {@code tokens}, over the controller's shared transport. */
    public static CargoClient of(CargoHttp transport, CargoApiUrl apiUrl, TokenSource tokens) {
        return new CargoClient(transport, apiUrl, tokens, RetryPolicy.defaults(), RetryPolicy.none(), ClientListener.NONE);
    }

    /** The same client with another retry policy for creates, cancels and lists. */
    public CargoClient withRetryPolicy(RetryPolicy policy) {
        return new CargoClient(transport, apiUrl, tokens, policy, readRetryPolicy, listener);
    }

    /** The same client with a retry policy for reads (none by default: a watch schedules its own reads). */
    public CargoClient withReadRetryPolicy(RetryPolicy policy) {
        return new CargoClient(transport, apiUrl, tokens, retryPolicy, policy, listener);
    }

    @Override
    public CargoClient withListener(ClientListener newListener) {
        return new CargoClient(transport, apiUrl, tokens, retryPolicy, readRetryPolicy, newListener);
    }

    public CargoApiUrl apiUrl() {
        return apiUrl;
    }

    @Override
    public CompletableFuture<CargoRun> createRun(CreateRunRequest request) {
        Operation operation = Operation.create(request);
        Instant attemptStarted = transport.clock.instant();
        ObjectNode body = CargoJson.MAPPER.createObjectNode();
        body.put("workflowUuid", request.workflowUuid());
        body.set("data", request.data().tree());
        if (request.releaseUuid() != null) {
            body.put("releaseUuid", request.releaseUuid());
        }
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        // Tried again only when no byte of it was sent: then Cargo cannot have acted on it.
        CompletableFuture<CargoRun> created = withRetries(operation, retryPolicy,
                () -> exchange(operation, "POST", new OneShotJsonBody(json),
                        (response, parser) -> RunJson.run(
                                reader.treeOf(parser).get("run"), null, response.code(), operation.description()),
                        "orchestration", "runs"),
                failure -> failure instanceof CargoTransientException t && !t.requestMayHaveArrived());
        return created.exceptionallyCompose(error -> {
            CargoException e = cargoFailure(error);
            if (e instanceof CargoTransientException t && t.requestMayHaveArrived() && t.httpStatus() != 429) {
                return foundLostRun(request, attemptStarted, t);
            }
            if (e instanceof CargoBadResponseException && e.httpStatus() >= 200 && e.httpStatus() < 300) {
                // Cargo accepted the create but its answer is unreadable: the run exists, find it.
                return foundLostRun(request, attemptStarted, e);
            }
            // Never sent, or answered "too many requests" or refused with a reason: no run was made.
            return CompletableFuture.failedFuture(error);
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The create may have reached Cargo as late as its last attempt: attempts that sent nothing are
     * repeated within the retry policy's budget, and the last one may take the whole call timeout.
     */
    @Override
    public CompletableFuture<CargoRun> findCreatedRun(
            String workflowUuid, String releaseUuid, Instant attemptStarted, String lost) {
        Instant latest = attemptStarted.plus(retryPolicy.budget()).plus(transport.callTimeout);
        return findLostRun(workflowUuid, releaseUuid, attemptStarted, latest, lost, null);
    }

    private CompletableFuture<CargoRun> foundLostRun(CreateRunRequest request, Instant attemptStarted, CargoException lost) {
        return findLostRun(request.workflowUuid(), request.releaseUuid(), attemptStarted, transport.clock.instant(),
                        "its answer was lost (" + lost.getMessage() + ")", lost)
                .thenApply(run -> {
                    listener.foundLostRun(run, lost);
                    return run;
                });
    }

    /**
     * The one run of the workflow created between the attempt's start and the moment its answer was lost,
     * widened by the allowed clock skew; none, or more than one, cannot be told apart from other builds'
     * runs, and the outcome stays unknown.
     */
    private CompletableFuture<CargoRun> findLostRun(String workflowUuid, String releaseUuid, Instant attemptStarted,
            Instant lostAt, String lost, CargoException cause) {
        Instant since = attemptStarted.minus(transport.clockSkew);
        Instant until = lostAt.plus(transport.clockSkew);
        String unknown = "The request to create a run may have reached Cargo, but " + lost;
        String check = " Look at the runs of workflow " + workflowUuid + " in Cargo created between " + since
                + " and " + until + " before you run the build again, so the workflow does not run twice.";
        return listRuns(workflowUuid, since, until, 10).handle((page, listFailed) -> {
            if (listFailed != null) {
                throw new CompletionException(new CargoOutcomeUnknownException(unknown + ", and the run could not be"
                        + " looked up (" + cargoFailure(listFailed).getMessage() + ")." + check, cause));
            }
            // Checked here too, so that a Cargo that ignored a filter cannot make another run look like ours.
            List<CargoRun> candidates = new ArrayList<>(page.runs());
            candidates.removeIf(run -> outside(run.createdAt(), since, until));
            if (releaseUuid != null) {
                candidates.removeIf(run -> run.releaseUuid() != null && !releaseUuid.equals(run.releaseUuid()));
            }
            if (candidates.size() == 1 && page.count() <= page.runs().size()) {
                CargoRun run = candidates.get(0);
                LOGGER.log(Level.FINE, "Found run {0} after a lost create answer", run.uuid());
                return run;
            }
            long matching = Math.max(candidates.size(), page.count() - (page.runs().size() - candidates.size()));
            String found = candidates.isEmpty()
                    ? "no run of the workflow was created in that time"
                    : matching + " runs of the workflow were created in that time ("
                            + String.join(", ", candidates.stream().map(CargoRun::uuid).toList())
                            + (matching > candidates.size() ? ", …" : "")
                            + "), so which one is this build's cannot be told";
            throw new CompletionException(new CargoOutcomeUnknownException(unknown + ", and " + found + "." + check, cause));
        });
    }

    private static boolean outside(Instant createdAt, Instant since, Instant until) {
        return createdAt != null && (createdAt.isBefore(since) || createdAt.isAfter(until));
    }

    @Override
    public CompletableFuture<CargoRun> getRun(String runUuid) {
        Operation operation = Operation.get(runUuid);
        return withRetries(operation, readRetryPolicy, () -> exchange(operation, "GET", null,
                (response, parser) -> RunJson.getRunAnswer(parser, response.code(), operation.description()),
                "orchestration", "runs", runUuid), CargoException::isRetryable);
    }

    /**
     * Asks Cargo to cancel one run, named by its uuid. The by-filter form of Cargo's cancel call is never
     * used: a filter can match other people's runs. Cancelling is asynchronous; follow the run to see it
     * reach {@code cancelled}. Any 2xx answer is accepted, whatever its body (Cargo's own client drops it).
     */
    @Override
    public CompletableFuture<Void> cancelRun(String workflowUuid, String runUuid) {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(runUuid, "runUuid");
        Operation operation = Operation.cancel(runUuid);
        ObjectNode body = CargoJson.MAPPER.createObjectNode();
        body.put("workflowUuid", workflowUuid);
        body.putArray("uuids").add(runUuid);
        RequestBody requestBody = RequestBody.create(body.toString(), JSON);
        return withRetries(operation, retryPolicy,
                () -> exchange(operation, "POST", requestBody, null, "orchestration", "runs", "cancel"),
                CargoException::isRetryable);
    }

    /** The runs of a workflow created in a span of time (either end may be null), newest first. */
    public CompletableFuture<RunPage> listRuns(String workflowUuid, Instant createdAfter, Instant createdBefore, int limit) {
        Operation operation = Operation.list(workflowUuid);
        ObjectNode body = CargoJson.MAPPER.createObjectNode();
        body.put("workflowUuid", workflowUuid);
        if (createdAfter != null) {
            body.put("createdAfter", createdAfter.toString());
        }
        if (createdBefore != null) {
            body.put("createdBefore", createdBefore.toString());
        }
        body.put("limit", limit);
        body.put("offset", 0);
        RequestBody requestBody = RequestBody.create(body.toString(), JSON);
        return withRetries(operation, retryPolicy, () -> exchange(operation, "POST", requestBody, (response, parser) -> {
            JsonNode answer = reader.treeOf(parser);
            JsonNode array = answer.get("runs");
            List<CargoRun> runs = new ArrayList<>();
            if (array != null && array.isArray()) {
                for (JsonNode run : array) {
                    runs.add(RunJson.run(run, null, response.code(), operation.description()));
                }
            }
            JsonNode count = answer.get("count");
            return new RunPage(runs, count != null && count.canConvertToLong() ? count.asLong() : runs.size());
        }, "orchestration", "runs", "list"), CargoException::isRetryable);
    }

    @Override
    public CompletableFuture<CargoRelease> releaseToRun(String workflowUuid, String releaseUuid) {
        String token;
        try {
            token = checkedToken();
        } catch (CargoException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Keyed by a digest of the token, never the token: two tokens may see different workspaces.
        String key = apiUrl + " " + Redactor.digest(token) + " "
                + (releaseUuid == null ? "deployed " + workflowUuid : "release " + releaseUuid);
        // The read is shared by every build that asks meanwhile, so it gets a short retry budget of its own,
        // whatever the asking client's read policy (a watch reads runs once and retries itself).
        // It tells no build's log of its retries either: the build that asked first may be gone by then.
        CargoClient reader = withListener(ClientListener.NONE).withReadRetryPolicy(FORM_READ_RETRIES);
        return transport.releases.get(key,
                () -> releaseUuid == null ? reader.getDeployedRelease(workflowUuid) : reader.getRelease(releaseUuid));
    }

    /** A release of a workflow, with its input form. */
    public CompletableFuture<CargoRelease> getRelease(String releaseUuid) {
        Operation operation = Operation.read("reading release " + releaseUuid, "Cargo has no release " + releaseUuid
                + " (HTTP 404). Check releaseUuid: it must be a release of the workflow, in the API token's workspace.");
        return read(operation, apiUrl.resolve("orchestration", "releases", releaseUuid),
                (response, parser) -> CatalogJson.release(reader.treeOf(parser).get("release"), response.code(),
                        operation.description()));
    }

    /** The release of a workflow that runs when none is pinned. */
    public CompletableFuture<CargoRelease> getDeployedRelease(String workflowUuid) {
        Operation operation = Operation.read("reading the deployed release of workflow " + workflowUuid,
                "Workflow " + workflowUuid + " has no deployed release (HTTP 404), so Cargo cannot run it. Deploy the"
                        + " tool in Cargo, or pin a release with releaseUuid.");
        return read(operation, apiUrl.resolve("orchestration", "releases", "deployed").newBuilder()
                        .addQueryParameter("workflowUuid", workflowUuid).build(),
                (response, parser) -> CatalogJson.release(reader.treeOf(parser).get("release"), response.code(),
                        operation.description()));
    }

    /** The releases of a workflow, at most {@code limit}, as Cargo lists them. */
    public CompletableFuture<List<CargoRelease>> listReleases(String workflowUuid, int limit) {
        Operation operation = Operation.read("listing the releases of workflow " + workflowUuid, null);
        return read(operation, apiUrl.resolve("orchestration", "releases", "list").newBuilder()
                        .addQueryParameter("workflowUuid", workflowUuid)
                        .addQueryParameter("limit", Integer.toString(limit))
                        .addQueryParameter("offset", "0")
                        .build(),
                (response, parser) -> CatalogJson.releases(reader.treeOf(parser).get("releases"), response.code(),
                        operation.description()));
    }

    /** The tools of the token's workspace: names people know, with the workflowUuid to run each. */
    public CompletableFuture<List<CargoTool>> listTools() {
        Operation operation = Operation.read("listing the tools", null);
        return read(operation, apiUrl.resolve("orchestration", "tools", "list"),
                (response, parser) -> CatalogJson.tools(reader.treeOf(parser).get("tools")));
    }

    @Override
    public CompletableFuture<CargoTrace> getTrace(String traceUuid) {
        Operation operation = Operation.read("reading trace " + traceUuid, "Cargo has no trace " + traceUuid + " (HTTP 404).");
        return read(operation, apiUrl.resolve("orchestration", "traces", traceUuid),
                (response, parser) -> CatalogJson.trace(reader.treeOf(parser).get("trace"), response.code(),
                        operation.description()));
    }

    @Override
    public CompletableFuture<CargoWorkspace> getWorkspace() {
        Operation operation = Operation.read("reading the token's workspace", null);
        return read(operation, apiUrl.resolve("workspaceManagement", "workspaces", "current"),
                (response, parser) -> CatalogJson.workspace(reader.treeOf(parser).get("workspace"), response.code(),
                        operation.description()));
    }

    @Override
    public CompletableFuture<CargoCredits> getCredits() {
        Operation operation = Operation.read("reading the workspace's credits", null);
        return read(operation, apiUrl.resolve("billing", "subscriptions"),
                (response, parser) -> CatalogJson.credits(reader.treeOf(parser).get("subscription"), response.code(),
                        operation.description()));
    }

    private <T> CompletableFuture<T> read(Operation operation, HttpUrl url, AnswerReader<T> answerReader) {
        return withRetries(operation, readRetryPolicy,
                () -> exchange(operation, "GET", null, answerReader, url), CargoException::isRetryable);
    }

    /** The {@link CargoException} behind a future's failure, or a bad-answer one for anything unexpected. */
    static CargoException cargoFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof CargoException e
                ? e
                : new CargoException("Unexpected failure talking to Cargo: " + cause, 0, null, null, cause);
    }

    /**
     * Runs the attempt, and again after the policy's delay while {@code mayRetry} and the policy allow.
     * The delays are timed by the scheduler; cancelling the returned future calls off the attempt under
     * way and any retry still to come.
     */
    private <T> CompletableFuture<T> withRetries(Operation operation, RetryPolicy policy,
            Attempt<T> attempt, Predicate<CargoException> mayRetry) {
        Retries<T> retries = new Retries<>(operation, policy, attempt, mayRetry);
        retries.attempt();
        return retries.result;
    }

    /** Sends one attempt of an exchange; its answer comes through the future. */
    @FunctionalInterface
    private interface Attempt<T> {
        CompletableFuture<T> send();
    }

    private final class Retries<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        private final Operation operation;
        private final RetryPolicy policy;
        private final Attempt<T> attempt;
        private final Predicate<CargoException> mayRetry;
        private final Instant started = transport.clock.instant();
        private int failedAttempts;
        private volatile CompletableFuture<T> current;
        private volatile Scheduler.Task timer;

        Retries(Operation operation, RetryPolicy policy, Attempt<T> attempt,
                Predicate<CargoException> mayRetry) {
            this.operation = operation;
            this.policy = policy;
            this.attempt = attempt;
            this.mayRetry = mayRetry;
            result.whenComplete((value, error) -> {
                if (result.isCancelled()) {
                    CompletableFuture<T> under = current;
                    Scheduler.Task next = timer;
                    if (under != null) {
                        under.cancel(true);
                    }
                    if (next != null) {
                        next.cancel();
                    }
                }
            });
        }

        void attempt() {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<T> now;
            try {
                now = attempt.send();
            } catch (RuntimeException e) {
                // On a scheduler thread nobody would see it: the caller's future must still complete.
                result.completeExceptionally(cargoFailure(e));
                return;
            }
            current = now;
            if (result.isCancelled()) {
                // Called off between the check above and now: this attempt goes too.
                now.cancel(true);
                return;
            }
            now.whenComplete((value, error) -> {
                try {
                    answered(value, error);
                } catch (RuntimeException e) {
                    result.completeExceptionally(cargoFailure(e));
                }
            });
        }

        private void answered(T value, Throwable error) {
            if (error == null) {
                result.complete(value);
                return;
            }
            CargoException failure = cargoFailure(error);
            failedAttempts++;
            Duration elapsed = Duration.between(started, transport.clock.instant());
            Duration delay = mayRetry.test(failure)
                    ? policy.nextDelay(failedAttempts, failure, elapsed).orElse(null)
                    : null;
            if (delay == null || result.isDone()) {
                result.completeExceptionally(failure);
                return;
            }
            listener.retrying(operation.description(), failure, failedAttempts, delay);
            try {
                timer = transport.scheduler.schedule(this::attempt, delay);
            } catch (RejectedExecutionException shuttingDown) {
                result.completeExceptionally(failure);
            }
        }
    }

    /** Reads a 2xx answer; null for calls whose answer carries nothing the client needs. */
    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(Response response, JsonParser parser) throws IOException;
    }

    /** One HTTP exchange, in OkHttp's dispatcher: the read 2xx answer, or the classified failure. */
    private <T> CompletableFuture<T> exchange(
            Operation operation, String method, RequestBody body, AnswerReader<T> answerReader, String... path) {
        return exchange(operation, method, body, answerReader, apiUrl.resolve(path));
    }

    private <T> CompletableFuture<T> exchange(
            Operation operation, String method, RequestBody body, AnswerReader<T> answerReader, HttpUrl url) {
        String token;
        try {
            token = checkedToken();
        } catch (CargoException e) {
            return CompletableFuture.failedFuture(e);
        }
        Redactor redactor = new Redactor(token);
        CargoHttp.SendTracker sent = new CargoHttp.SendTracker();
        Request request = new Request.Builder()
                .url(url)
                .method(method, body)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("x-cargo-origin", ORIGIN)
                .header("x-cargo-origin-version", transport.originVersion)
                .tag(CargoHttp.SendTracker.class, sent)
                .build();
        OkHttpClient caller = operation.kind() == Operation.Kind.CREATE ? transport.createHttp : transport.http;
        Call call = caller.newCall(request);
        CompletableFuture<T> answer = new CompletableFuture<>();
        long started = System.nanoTime();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(connectionFailure(operation, e, sent.sent, redactor));
            }

            @Override
            public void onResponse(Call done, Response response) {
                try (response) {
                    answer.complete(read(operation, response, answerReader, redactor));
                    LOGGER.log(Level.FINE, "{0} {1} -> {2} in {3} ms", new Object[] {
                        method, request.url().encodedPath(), response.code(), (System.nanoTime() - started) / 1_000_000
                    });
                } catch (CargoException e) {
                    answer.completeExceptionally(e);
                } catch (RuntimeException e) {
                    answer.completeExceptionally(cargoFailure(e));
                }
            }
        });
        // Calling off the future calls off the exchange (a create is never called off by its users).
        answer.whenComplete((value, error) -> {
            if (answer.isCancelled()) {
                call.cancel();
            }
        });
        return answer;
    }

    private <T> T read(Operation operation, Response response, AnswerReader<T> answerReader, Redactor redactor)
            throws CargoException {
        byte[] bytes;
        try {
            bytes = reader.body(response, operation);
        } catch (CargoException e) {
            throw e;
        } catch (IOException e) {
            throw new CargoTransientException("Cargo's answer to " + operation.description() + " (HTTP "
                    + response.code() + ") was cut off (" + redactor.quote(String.valueOf(e.getMessage())) + ").",
                    response.code(), null, null, null, true, e);
        }
        if (!response.isSuccessful()) {
            throw reader.failure(response, bytes, operation, redactor);
        }
        if (answerReader == null) {
            return null;
        }
        return reader.json(response, bytes, operation, parser -> answerReader.read(response, parser));
    }

    private static CargoTransientException connectionFailure(
            Operation operation, IOException e, boolean sent, Redactor redactor) {
        String kind;
        if (e instanceof UnknownHostException) {
            kind = "the host name could not be resolved";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            kind = "no connection could be made";
        } else if (e instanceof InterruptedIOException) {
            kind = "no answer came in time";
        } else {
            kind = "the connection failed";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : redactor.quote(e.getMessage());
        String hint = sent ? "" : " Check the Cargo API URL and the Jenkins proxy settings.";
        return new CargoTransientException("Could not reach Cargo while " + operation.description() + ": " + kind
                + " (" + detail + ")." + hint, 0, null, null, null, sent, e);
    }

    private String checkedToken() throws CargoException {
        String token = tokens.token();
        if (token == null || token.isBlank()) {
            throw new CargoException("The Cargo API token is empty. Put the token in the Secret text credential.",
                    0, null, null);
        }
        String trimmed = token.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                // Neither the token nor the character is quoted: both would reveal part of the secret.
                throw new CargoException("The Cargo API token contains a character that cannot be sent in an HTTP"
                        + " header (at position " + (i + 1) + "). Copy the token again into the Secret text"
                        + " credential, without spaces or line breaks.", 0, null, null);
            }
        }
        return trimmed;
    }

    @Override
    public String toString() {
        return "CargoClient[" + apiUrl + "]";
    }

    /**
     * The create's body, marked one-shot: OkHttp then never repeats it on its own after it began to send
     * it (it still may on a connection that failed before that, which is safe).
     */
    private static final class OneShotJsonBody extends RequestBody {
        private final byte[] json;

        OneShotJsonBody(byte[] json) {
            this.json = json.clone();
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return json.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(json);
        }
    }
}
