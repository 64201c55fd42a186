package io.jenkins.plugins.cargo.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The asynchronous {@link CargoClient} seen through blocking calls, for the client's own tests: each call
 * waits for its future (bounded) and throws the {@link CargoException} it failed with, so a test reads as
 * the exchange it checks.
 */
final class TestClient {
    final CargoClient async;

    private TestClient(CargoClient async) {
        this.async = async;
    }

    static Builder builder(CargoApiUrl apiUrl, TokenSource tokens) {
        return new Builder(apiUrl, tokens);
    }

    CargoRun createRun(CreateRunRequest request) throws CargoException {
        return await(async.createRun(request));
    }

    CargoRun getRun(String runUuid) throws CargoException {
        return await(async.getRun(runUuid));
    }

    void cancelRun(String workflowUuid, String runUuid) throws CargoException {
        await(async.cancelRun(workflowUuid, runUuid));
    }

    RunPage listRuns(String workflowUuid, Instant createdAfter, int limit) throws CargoException {
        return await(async.listRuns(workflowUuid, createdAfter, null, limit));
    }

    RunPage listRuns(String workflowUuid, Instant createdAfter, Instant createdBefore, int limit) throws CargoException {
        return await(async.listRuns(workflowUuid, createdAfter, createdBefore, limit));
    }

    CargoRun findCreatedRun(String workflowUuid, String releaseUuid, Instant attemptStarted, String lost)
            throws CargoException {
        return await(async.findCreatedRun(workflowUuid, releaseUuid, attemptStarted, lost));
    }

    static <T> T await(CompletableFuture<T> future) throws CargoException {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CargoException cargo) {
                throw cargo;
            }
            throw new AssertionError("failed with something other than a CargoException", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer in time", e);
        }
    }

    /** The settings the tests vary; a retry policy given here applies to reads as well. */
    static final class Builder {
        private final CargoApiUrl apiUrl;
        private final TokenSource tokens;
        private Scheduler scheduler = new RecordingScheduler();
        private Clock clock = Clock.systemUTC();
        private String originVersion;
        private Duration readTimeout;
        private Duration callTimeout;
        private Duration clockSkew;
        private RetryPolicy retryPolicy;
        private ClientListener listener = ClientListener.NONE;

        private Builder(CargoApiUrl apiUrl, TokenSource tokens) {
            this.apiUrl = apiUrl;
            this.tokens = tokens;
        }

        Builder scheduler(Scheduler value) {
            this.scheduler = value;
            return this;
        }

        Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        Builder originVersion(String value) {
            this.originVersion = value;
            return this;
        }

        Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        Builder callTimeout(Duration value) {
            this.callTimeout = value;
            return this;
        }

        Builder clockSkew(Duration value) {
            this.clockSkew = value;
            return this;
        }

        Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        Builder listener(ClientListener value) {
            this.listener = value;
            return this;
        }

        TestClient build() {
            CargoHttp.Builder http = CargoHttp.builder(scheduler).clock(clock);
            if (originVersion != null) {
                http.originVersion(originVersion);
            }
            if (readTimeout != null) {
                http.readTimeout(readTimeout);
            }
            if (callTimeout != null) {
                http.callTimeout(callTimeout);
            }
            if (clockSkew != null) {
                http.clockSkew(clockSkew);
            }
            CargoClient client = CargoClient.of(http.build(), apiUrl, tokens).withListener(listener);
            if (retryPolicy != null) {
                client = client.withRetryPolicy(retryPolicy).withReadRetryPolicy(retryPolicy);
            } else {
                client = client.withReadRetryPolicy(RetryPolicy.defaults());
            }
            return new TestClient(client);
        }
    }
}
