package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Something going wrong with exactly one request. Unless a factory says the request is processed, the
 * simulated service never sees it: no run is created, no script advances, nothing is counted.
 */
public final class Fault {

    /** Decides the response; calling {@code processing} is what makes the service handle the request. */
    @FunctionalInterface
    interface Responder {
        MockResponse respond(Supplier<ApiReply> processing);
    }

    private static final String TRUNCATED_JSON = truncatedJson();

    private final String description;
    private final Responder responder;

    private Fault(String description, Responder responder) {
        this.description = description;
        this.responder = responder;
    }

    MockResponse respond(Supplier<ApiReply> processing) {
        return responder.respond(processing);
    }

    @Override
    public String toString() {
        return "Fault[" + description + "]";
    }

    /** Any status with a raw body (null for none), sent as application/json whether or not it is JSON. */
    public static Fault status(int code, String bodyOrNull) {
        return new Fault("status " + code, processing -> body(code, "application/json", bodyOrNull));
    }

    /** 503 with a Retry-After header (seconds or an HTTP date), as a service in maintenance sends it. */
    public static Fault serviceUnavailable(String retryAfterValue) {
        Objects.requireNonNull(retryAfterValue, "retryAfterValue");
        return new Fault("503 Retry-After " + retryAfterValue, processing -> new MockResponse.Builder()
                .code(503)
                .setHeader("Retry-After", retryAfterValue)
                .build());
    }

    /** A bare 429 as an edge proxy sends it: no body and no Retry-After. */
    public static Fault tooManyRequests() {
        return new Fault("429", processing -> new MockResponse.Builder().code(429).build());
    }

    /** 429 with a Retry-After header, delta-seconds or an HTTP date, passed through verbatim. */
    public static Fault tooManyRequests(String retryAfterValue) {
        Objects.requireNonNull(retryAfterValue, "retryAfterValue");
        return new Fault("429 Retry-After " + retryAfterValue, processing -> new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", retryAfterValue)
                .build());
    }

    /** A 5xx with the kind of small HTML page a load balancer answers with. */
    public static Fault serverError(int code) {
        if (code < 500 || code > 599) {
            throw new IllegalArgumentException("not a server error status: " + code);
        }
        String html = "<html><head><title>" + code + "</title></head><body><h1>" + code
                + " Server Error</h1></body></html>";
        return new Fault("server error " + code, processing -> body(code, "text/html", html));
    }

    /**
     * Closes the connection after reading the request and before any response byte. The request is not
     * processed: a create makes no run.
     */
    public static Fault resetConnection() {
        return new Fault("reset connection", processing -> dropConnection());
    }

    /** Processes the request normally but holds the response (status line and headers) back for {@code d}. */
    public static Fault delay(Duration d) {
        return new Fault("delay " + d, processing -> held(processing.get().toMockResponse(), d));
    }

    /** That status with a zero-length body. */
    public static Fault emptyBody(int code) {
        return new Fault("empty " + code, processing -> new MockResponse.Builder().code(code).build());
    }

    /** That status with an HTML body, as served by something in front of the API. */
    public static Fault nonJson(int code) {
        return new Fault("non-JSON " + code,
                processing -> body(code, "text/html", "<html><body>upstream error</body></html>"));
    }

    /**
     * 200 with a JSON Content-Length, of which only the first half is sent before the connection is
     * closed. The request is not processed; the body is the start of a plausible run document.
     */
    public static Fault truncatedBody() {
        return new Fault("truncated body", processing -> body(200, "application/json", TRUNCATED_JSON)
                .newBuilder()
                // mockwebserver3 writes half of the declared length, flushes, then closes the socket.
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false))
                .build());
    }

    /**
     * 200 with a valid JSON object of exactly {@code bytes} bytes (at least 14), streamed. The request
     * is not processed.
     */
    public static Fault hugeBody(long bytes) {
        HugeJsonBody body = new HugeJsonBody(bytes);
        return new Fault("huge body " + bytes, processing -> new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    /**
     * An error as the API itself answers it: JSON {@code {"reason": …, "errorMessage": …}}, a null key left
     * out. The request is not processed, so a create answered with it makes no run. For refusals such as
     * {@link #concurrencyLimitReached()} that do not depend on what the request says.
     */
    public static Fault apiError(int code, String reason, String errorMessage) {
        ApiReply reply = ApiReply.error(code, reason, errorMessage);
        return new Fault(code + " " + JsonCodec.write(reply.body()), processing -> reply.toMockResponse());
    }

    /** 400 {@code {"reason":"concurrencyLimitReached"}}: the workspace runs as many runs as it may. */
    public static Fault concurrencyLimitReached() {
        return apiError(400, "concurrencyLimitReached", null);
    }

    /** 400 {@code {"reason":"notEnoughCredits"}}: the workspace has no credits left to start a run. */
    public static Fault notEnoughCredits() {
        return apiError(400, "notEnoughCredits", null);
    }

    public static Fault unauthorized() {
        return new Fault("401", processing -> ApiReply.error(401, null, "unauthorized").toMockResponse());
    }

    public static Fault forbidden() {
        return new Fault("403", processing -> ApiReply.error(403, null, "forbidden").toMockResponse());
    }

    public static Fault notFound() {
        return new Fault("404", processing -> ApiReply.error(404, null, "Run not found.").toMockResponse());
    }

    /**
     * The request is processed (a create does make its run), then the connection is closed with no
     * response: the "create succeeded but the response was lost" case.
     */
    public static Fault processThenDropResponse() {
        return new Fault("process then drop response", processing -> {
            processing.get();
            return dropConnection();
        });
    }

    /**
     * The request is processed, then the response is held for {@code d} so the client's read timeout
     * fires first: the other form of a lost response. Same mechanics as {@link #delay(Duration)}; the
     * name says what the test means.
     */
    public static Fault processThenStall(Duration d) {
        return new Fault("process then stall " + d, processing -> held(processing.get().toMockResponse(), d));
    }

    /**
     * Processes the request normally (a GET advances the run) but answers with the run's status
     * replaced, to feed the client a status it does not know. Replies without a run are sent as they are.
     */
    public static Fault unknownStatus(String status) {
        Objects.requireNonNull(status, "status");
        return new Fault("unknown status " + status, processing -> {
            ApiReply reply = processing.get();
            JsonNode run = reply.body().get("run");
            if (!(run instanceof ObjectNode)) {
                return reply.toMockResponse();
            }
            ObjectNode body = reply.body().deepCopy();
            ((ObjectNode) body.get("run")).put("status", status);
            return new ApiReply(reply.status(), body).toMockResponse();
        });
    }

    private static MockResponse body(int code, String contentType, String bodyOrNull) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).setHeader("Content-Type", contentType);
        return bodyOrNull == null ? builder.build() : builder.body(bodyOrNull).build();
    }

    private static MockResponse dropConnection() {
        return new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                .build();
    }

    private static MockResponse held(MockResponse response, Duration d) {
        // mockwebserver3 sleeps on the connection's own thread in 100 ms slices and gives up once the
        // socket is closed, so a long hold neither blocks other requests nor outlives close().
        return response.newBuilder().headersDelay(d.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    private static String truncatedJson() {
        StringBuilder json = new StringBuilder("{\"run\":{\"uuid\":\"00000000-0000-4000-8000-000000000000\",")
                .append("\"status\":\"running\",\"executions\":[");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",").append("{\"nodeSlug\":\"node").append(i).append("\",\"status\":\"pending\"}");
        }
        return json.append("]}}").toString();
    }
}
