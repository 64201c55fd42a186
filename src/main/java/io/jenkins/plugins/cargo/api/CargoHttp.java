package io.jenkins.plugins.cargo.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * What every {@link CargoClient} of a controller shares: one OkHttp client (one connection pool, one
 * dispatcher that bounds and queues the requests in flight), the scheduler that times retries, and the
 * clock. Build one per controller; make a {@link CargoClient} per API URL and token from it, which costs
 * nothing.
 *
 * <p><b>Requests in flight.</b> OkHttp runs at most {@code maxRequestsPerHost} exchanges with one host
 * at a time (its own default, 5, would let 300 waiting builds queue behind each other) and at most
 * {@code maxRequests} in all; further requests wait in the dispatcher's queue, first come first served.
 * Each exchange in flight holds one dispatcher thread, which ends after a minute idle; there are never
 * more dispatcher threads than {@code maxRequestsPerHost}. Idle connections are kept for five minutes, as many
 * as may be in use at once, so steady polling reuses its connections.
 */
public final class CargoHttp {
    /** Requests in flight to Cargo at once, by default; see the class comment. */
    public static final int DEFAULT_MAX_REQUESTS_PER_HOST = 48;

    public static final int DEFAULT_MAX_REQUESTS = 64;

    final OkHttpClient http;
    /** The same client, but never repeating a request on its own: for creates. */
    final OkHttpClient createHttp;
    final Scheduler scheduler;
    final Clock clock;
    final Duration callTimeout;
    final Duration clockSkew;
    final String originVersion;
    /** Forms read lately, shared by every build of the controller. */
    final ReleaseCache releases;

    private CargoHttp(Builder builder) {
        Dispatcher dispatcher = new Dispatcher(dispatcherThreads(builder.maxRequestsPerHost));
        dispatcher.setMaxRequests(builder.maxRequests);
        dispatcher.setMaxRequestsPerHost(builder.maxRequestsPerHost);
        this.http = builder.http.newBuilder()
                .dispatcher(dispatcher)
                // As many idle connections as exchanges may run at once: a smaller pool closes connections
                // after every burst of polls and opens them again (a TLS handshake each) at the next.
                .connectionPool(new ConnectionPool(builder.maxRequestsPerHost, 5, TimeUnit.MINUTES))
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.readTimeout)
                .callTimeout(builder.callTimeout)
                // A redirect would carry the token (and a create) somewhere the user did not configure.
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListener(new SendTracker.Listener())
                .build();
        // OkHttp would otherwise send a request again on its own when a connection fails; a create must
        // never be sent twice, and the client decides itself when trying again is safe.
        this.createHttp = http.newBuilder().retryOnConnectionFailure(false).build();
        this.scheduler = builder.scheduler;
        this.clock = builder.clock;
        this.callTimeout = builder.callTimeout;
        this.clockSkew = builder.clockSkew;
        this.originVersion = builder.originVersion;
        this.releases = new ReleaseCache(builder.clock);
    }

    /**
     * The dispatcher's threads: at most one per exchange allowed in flight with Cargo's host. OkHttp's own
     * pool has no bound, and since a finishing exchange hands the next queued one to the pool before its
     * thread is free, it would start more threads than exchanges; here the hand-off waits in the queue for
     * that thread instead. Idle threads end after a minute.
     */
    private static ExecutorService dispatcherThreads(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "OkHttp Cargo dispatcher " + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * @param scheduler times retries and {@code Retry-After} waits; in Jenkins, the plugin's own small pool
     */
    public static Builder builder(Scheduler scheduler) {
        return new Builder(scheduler);
    }

    /** How many exchanges are under way and how many wait for a place, for diagnostics and the benchmark. */
    public int requestsInFlight() {
        return http.dispatcher().runningCallsCount();
    }

    public int requestsQueued() {
        return http.dispatcher().queuedCallsCount();
    }

    /** Calls off every exchange under way; for tests and shutdown. */
    public void cancelAll() {
        http.dispatcher().cancelAll();
    }

    @Override
    public String toString() {
        return "CargoHttp[" + http.dispatcher().getMaxRequestsPerHost() + " per host]";
    }

    /** Remembers whether OkHttp began to write a request, so a lost create can be told from an unsent one. */
    static final class SendTracker {
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

    /** Settings of the shared transport; every one has a default but the scheduler. */
    public static final class Builder {
        private final Scheduler scheduler;
        private OkHttpClient http;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private String originVersion = defaultOriginVersion();
        private Duration clockSkew = Duration.ofSeconds(5);
        private int maxRequests = DEFAULT_MAX_REQUESTS;
        private int maxRequestsPerHost = DEFAULT_MAX_REQUESTS_PER_HOST;

        private Builder(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        private static String defaultOriginVersion() {
            String version = CargoHttp.class.getPackage().getImplementationVersion();
            return version == null ? "development" : version;
        }

        /**
         * The OkHttp client to derive from; in Jenkins, one that uses the Jenkins proxy settings. Its
         * connection pool is shared; its dispatcher is replaced by one with this transport's limits.
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

        /** Exchanges in flight to one host at once; more wait in a queue, first come first served. */
        public Builder maxRequestsPerHost(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRequestsPerHost must be at least 1");
            }
            this.maxRequestsPerHost = value;
            return this;
        }

        /** Exchanges in flight at once, to all hosts. */
        public Builder maxRequests(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRequests must be at least 1");
            }
            this.maxRequests = value;
            return this;
        }

        public CargoHttp build() {
            if (http == null) {
                http = new OkHttpClient();
            }
            return new CargoHttp(this);
        }
    }
}
