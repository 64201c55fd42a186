package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * A small client for Cargo's orchestration runs API: create, get, cancel and list runs.
 *
 * <p>Reads (get, list) and cancel are retried on failures that may pass, as the {@link RetryPolicy}
 * says. A create is never sent twice once it may have reached Cargo, because Cargo has no idempotency
 * key and a second request would start (and bill) a second run. When a create's answer is lost, the
 * client looks the run up in the list of the workflow's runs instead; when that does not identify it,
 * the caller gets a {@link CargoOutcomeUnknownException} that says what to check.
 *
 * <p>Thread-safe. The token is asked of the {@link TokenSource} for every request and kept nowhere.
 */
public final class CargoClient {
    private static final Logger LOGGER = Logger.getLogger(CargoClient.class.getName());
    private static final MediaType JSON = MediaType.get("application/json");

    /** Sent as {@code x-cargo-origin}, so Cargo can tell runs started from Jenkins. */
    public static final String ORIGIN = "jenkins-plugin";

    private final CargoApiUrl apiUrl;
    private final TokenSource tokens;
    private final OkHttpClient http;
    private final OkHttpClient createHttp;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final String originVersion;
    private final Duration clockSkew;
    private final Duration callTimeout;
    private final ClientListener listener;
    private final ResponseReader reader;
    /** What this client was built from, so that a variant can be made with one setting changed. */
    private final Builder settings;

    private CargoClient(Builder builder) {
        this.apiUrl = builder.apiUrl;
        this.tokens = builder.tokens;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        this.clock = builder.clock;
        this.originVersion = builder.originVersion;
        this.clockSkew = builder.clockSkew;
        this.callTimeout = builder.callTimeout;
        this.listener = builder.listener;
        this.reader = new ResponseReader(clock);
        this.http = builder.http.newBuilder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.readTimeout)
                .callTimeout(builder.callTimeout)
                // A redirect would carry the token (and a create) somewhere the user did not configure.
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListener(new SendTracker.Listener())
                .build();
        // OkHttp would otherwise send a request again on its own when a connection fails; we retry ourselves,
        // and a create must never be sent twice.
        this.createHttp = http.newBuilder().retryOnConnectionFailure(false).build();
        this.settings = builder.copy();
    }

    public static Builder builder(CargoApiUrl apiUrl, TokenSource tokens) {
        return new Builder(apiUrl, tokens);
    }

    /** The same client with another retry policy (the run watcher schedules its own retries). */
    public CargoClient withRetryPolicy(RetryPolicy policy) {
        return settings.copy().retryPolicy(policy).build();
    }

    /** The same client reporting its retries and recoveries to another listener, such as a build log. */
    public CargoClient withListener(ClientListener newListener) {
        return settings.copy().listener(newListener).build();
    }

    public CargoApiUrl apiUrl() {
        return apiUrl;
    }

    /**
     * Creates a run. Sent at most once, unless no connection could be made at all.
     *
     * @throws CargoOutcomeUnknownException when the request may have created a run that cannot be found
     */
    public CargoRun createRun(CreateRunRequest request) throws CargoException, InterruptedException {
        Operation operation = Operation.create(request);
        Instant attemptStarted = clock.instant();
        ObjectNode body = CargoJson.MAPPER.createObjectNode();
        body.put("workflowUuid", request.workflowUuid());
        body.set("data", request.data().tree());
        if (request.releaseUuid() != null) {
            body.put("releaseUuid", request.releaseUuid());
        }
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        try {
            // Tried again only when no byte of it was sent: then Cargo cannot have acted on it.
            JsonNode answer = withRetries(operation,
                    () -> exchange(operation, "POST", new OneShotJsonBody(json), "orchestration", "runs"),
                    failure -> failure instanceof CargoTransientException t && !t.requestMayHaveArrived());
            return RunJson.run(answer.get("run"), null, null, 200, operation.description());
        } catch (CargoTransientException e) {
            if (!e.requestMayHaveArrived() || e.httpStatus() == 429) {
                // Never sent, or answered "too many requests": either way no run was made, and none is repeated.
                throw e;
            }
            return foundLostRun(request, attemptStarted, e);
        } catch (CargoBadResponseException e) {
            if (e.httpStatus() >= 200 && e.httpStatus() < 300) {
                // Cargo accepted the create but its answer is unreadable: the run exists, find it.
                return foundLostRun(request, attemptStarted, e);
            }
            throw e;
        }
    }

    /**
     * Finds the run a create request made when Jenkins restarted while the request was under way: the one
     * run of the workflow created between the attempt's start and the longest the request could have
     * lasted (the call timeout), widened by the allowed clock skew. None, or more than one, cannot be told
     * apart from other builds' runs, and the outcome stays unknown.
     *
     * @param lost how the answer was lost, for the message
     * @throws CargoOutcomeUnknownException when the run cannot be identified
     */
    public CargoRun findCreatedRun(String workflowUuid, String releaseUuid, Instant attemptStarted, String lost)
            throws CargoOutcomeUnknownException, InterruptedException {
        return findLostRun(workflowUuid, releaseUuid, attemptStarted, attemptStarted.plus(callTimeout), lost, null);
    }

    private CargoRun findLostRun(String workflowUuid, String releaseUuid, Instant attemptStarted, Instant lostAt,
            String lost, CargoException cause) throws CargoOutcomeUnknownException, InterruptedException {
        Instant since = attemptStarted.minus(clockSkew);
        Instant until = lostAt.plus(clockSkew);
        String unknown = "The request to create a run may have reached Cargo, but " + lost;
        String check = " Look at the runs of workflow " + workflowUuid + " in Cargo created between " + since
                + " and " + until + " before you run the build again, so the workflow does not run twice.";
        RunPage page;
        try {
            page = listRuns(workflowUuid, since, until, 10);
        } catch (CargoException listFailed) {
            throw new CargoOutcomeUnknownException(
                    unknown + ", and the run could not be looked up (" + listFailed.getMessage() + ")." + check, cause);
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
        throw new CargoOutcomeUnknownException(unknown + ", and " + found + "." + check, cause);
    }

    private static boolean outside(Instant createdAt, Instant since, Instant until) {
        return createdAt != null && (createdAt.isBefore(since) || createdAt.isAfter(until));
    }

    private CargoRun foundLostRun(CreateRunRequest request, Instant attemptStarted, CargoException lost)
            throws CargoOutcomeUnknownException, InterruptedException {
        CargoRun run = findLostRun(request.workflowUuid(), request.releaseUuid(), attemptStarted, clock.instant(),
                "its answer was lost (" + lost.getMessage() + ")", lost);
        listener.foundLostRun(run, lost);
        return run;
    }

    /** Reads a run with its output ({@code runContext}) and computed configs. */
    public CargoRun getRun(String runUuid) throws CargoException, InterruptedException {
        Operation operation = Operation.get(runUuid);
        return withRetries(operation, () -> {
            JsonNode answer = exchange(operation, "GET", null, "orchestration", "runs", runUuid);
            return RunJson.run(
                    answer.get("run"), answer.get("runContext"), answer.get("runComputedConfigs"), 200, operation.description());
        });
    }

    /**
     * Asks Cargo to cancel one run, named by its uuid. The by-filter form of Cargo's cancel call is never
     * used: a filter can match other people's runs. Cancelling is asynchronous; follow the run to see
     * it reach {@code cancelled}.
     */
    public void cancelRun(String workflowUuid, String runUuid) throws CargoException, InterruptedException {
        Objects.requireNonNull(workflowUuid, "workflowUuid");
        Objects.requireNonNull(runUuid, "runUuid");
        Operation operation = Operation.cancel(runUuid);
        ObjectNode body = CargoJson.MAPPER.createObjectNode();
        body.put("workflowUuid", workflowUuid);
        body.putArray("uuids").add(runUuid);
        RequestBody requestBody = RequestBody.create(body.toString(), JSON);
        withRetries(operation, () -> exchange(operation, "POST", requestBody, "orchestration", "runs", "cancel"));
    }

    /** The runs of a workflow created after a moment, newest first. */
    public RunPage listRuns(String workflowUuid, Instant createdAfter, int limit)
            throws CargoException, InterruptedException {
        return listRuns(workflowUuid, createdAfter, null, limit);
    }

    /** The runs of a workflow created in a span of time (either end may be null), newest first. */
    public RunPage listRuns(String workflowUuid, Instant createdAfter, Instant createdBefore, int limit)
            throws CargoException, InterruptedException {
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
        return withRetries(operation, () -> {
            JsonNode answer = exchange(operation, "POST", requestBody, "orchestration", "runs", "list");
            JsonNode array = answer.get("runs");
            List<CargoRun> runs = new ArrayList<>();
            if (array != null && array.isArray()) {
                for (JsonNode run : array) {
                    runs.add(RunJson.run(run, null, null, 200, operation.description()));
                }
            }
            JsonNode count = answer.get("count");
            return new RunPage(runs, count != null && count.canConvertToLong() ? count.asLong() : runs.size());
        });
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws CargoException;
    }

    private <T> T withRetries(Operation operation, Attempt<T> attempt) throws CargoException, InterruptedException {
        return withRetries(operation, attempt, CargoException::isRetryable);
    }

    /** Runs the attempt, and again after the policy's delay while {@code mayRetry} allows and the policy does. */
    private <T> T withRetries(Operation operation, Attempt<T> attempt, Predicate<CargoException> mayRetry)
            throws CargoException, InterruptedException {
        Instant started = clock.instant();
        int failedAttempts = 0;
        while (true) {
            try {
                return attempt.run();
            } catch (CargoException e) {
                failedAttempts++;
                Duration elapsed = Duration.between(started, clock.instant());
                Duration delay = mayRetry.test(e) ? retryPolicy.nextDelay(failedAttempts, e, elapsed).orElse(null) : null;
                if (delay == null) {
                    throw e;
                }
                listener.retrying(operation.description(), e, failedAttempts, delay);
                sleeper.sleep(delay);
            }
        }
    }

    /** One HTTP exchange: the JSON object of a 2xx answer, or the classified failure. */
    private JsonNode exchange(Operation operation, String method, RequestBody body, String... path)
            throws CargoException {
        String token = checkedToken();
        Redactor redactor = new Redactor(token);
        SendTracker sent = new SendTracker();
        Request request = new Request.Builder()
                .url(apiUrl.resolve(path))
                .method(method, body)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("x-cargo-origin", ORIGIN)
                .header("x-cargo-origin-version", originVersion)
                .tag(SendTracker.class, sent)
                .build();
        long started = System.nanoTime();
        OkHttpClient caller = operation.kind() == Operation.Kind.CREATE ? createHttp : http;
        try (Response response = caller.newCall(request).execute()) {
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
            LOGGER.log(Level.FINE, "{0} {1} -> {2} in {3} ms", new Object[] {
                method, request.url().encodedPath(), response.code(), (System.nanoTime() - started) / 1_000_000
            });
            if (response.isSuccessful()) {
                // Cargo's answer to a cancel carries nothing the client needs (its own SDK drops it).
                return operation.kind() == Operation.Kind.CANCEL
                        ? CargoJson.MAPPER.createObjectNode()
                        : reader.json(response, bytes, operation);
            }
            throw reader.failure(response, bytes, operation, redactor);
        } catch (CargoException e) {
            throw e;
        } catch (IOException e) {
            throw connectionFailure(operation, e, sent.sent, redactor);
        }
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

    /** Remembers whether OkHttp began to write a request, so a lost create can be told from an unsent one. */
    private static final class SendTracker {
        volatile boolean sent;

        static final class Listener extends EventListener {
            @Override
            public void requestHeadersStart(Call call) {
                SendTracker tracker = call.request().tag(SendTracker.class);
                if (tracker != null) {
                    tracker.sent = true;
                }
            }
        }
    }

    /**
     * The create's body, marked one-shot: OkHttp then never repeats it on its own after it began to send
     * it (it still may on a connection that failed before that, which is safe).
     */
    private static final class OneShotJsonBody extends RequestBody {
        private final byte[] json;

        OneShotJsonBody(byte[] json) {
            this.json = json;
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

    /** Settings of a client; every one but the URL and the token has a default. */
    public static final class Builder {
        private final CargoApiUrl apiUrl;
        private final TokenSource tokens;
        private OkHttpClient http;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private String originVersion = defaultOriginVersion();
        private Duration clockSkew = Duration.ofSeconds(5);
        private ClientListener listener = ClientListener.NONE;

        private Builder(CargoApiUrl apiUrl, TokenSource tokens) {
            this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        private Builder copy() {
            Builder copy = new Builder(apiUrl, tokens);
            copy.http = http;
            copy.connectTimeout = connectTimeout;
            copy.readTimeout = readTimeout;
            copy.callTimeout = callTimeout;
            copy.retryPolicy = retryPolicy;
            copy.sleeper = sleeper;
            copy.clock = clock;
            copy.originVersion = originVersion;
            copy.clockSkew = clockSkew;
            copy.listener = listener;
            return copy;
        }

        private static String defaultOriginVersion() {
            String version = CargoClient.class.getPackage().getImplementationVersion();
            return version == null ? "development" : version;
        }

        /**
         * The OkHttp client to derive from, sharing its connection pool and dispatcher; in Jenkins, one that
         * uses the Jenkins proxy settings.
         */
        public Builder httpClient(OkHttpClient value) {
            this.http = Objects.requireNonNull(value);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** The longest silence while waiting for an answer. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value);
            return this;
        }

        /** The longest a whole exchange may take. */
        public Builder callTimeout(Duration value) {
            this.callTimeout = Objects.requireNonNull(value);
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value);
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** Sent as {@code x-cargo-origin-version}; defaults to the plugin's version. */
        public Builder originVersion(String value) {
            this.originVersion = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How far Cargo's clock may be behind ours when a lost create's run is looked up by creation time.
         * Larger finds more runs of other builds too; 5 s by default.
         */
        public Builder clockSkew(Duration value) {
            this.clockSkew = Objects.requireNonNull(value);
            return this;
        }

        public Builder listener(ClientListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        public CargoClient build() {
            if (http == null) {
                http = new OkHttpClient();
            }
            return new CargoClient(this);
        }
    }
}
