package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoHttp;
import io.jenkins.plugins.cargo.api.Scheduler;
import io.jenkins.plugins.cargo.api.TokenSource;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.RunWatcher;
import hudson.init.Terminator;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * What the controller shares between all Cargo builds: one small scheduler (every wait's timers and
 * events), one HTTP transport (one connection pool, through the Jenkins proxy settings, no-proxy hosts
 * included, read again for every request) and one {@link RunWatcher}. A build makes only a cheap
 * {@link CargoClient} of its own, for its API URL and token.
 *
 * <p>It also owns the one thread that writes builds' Cargo state ({@link #writer()}): {@code run.save()} is
 * synchronous and must never run on the Pipeline's CPS VM thread, and one thread keeps each build's writes
 * in the order they were asked for.
 *
 * <p>{@link #shutdown()} stops every live watch without ending it, so each resumes from its saved state
 * after the restart; a new runtime is made on the next use (a test harness restarts Jenkins in one JVM).
 */
public final class CargoRuntime {
    private static final Logger LOGGER = Logger.getLogger(CargoRuntime.class.getName());
    /** Threads of the scheduler: they only run short event handlers, never HTTP or a wait. */
    static final int SCHEDULER_THREADS = 2;

    private static CargoRuntime current;

    private final ScheduledThreadPoolExecutor pool;
    private final CargoHttp http;
    private final RunWatcher watcher;
    private final Set<RunWatch> live = ConcurrentHashMap.newKeySet();
    /** The watches of freestyle build steps, which block their executor and cannot resume. */
    private final Set<RunWatch> blocking = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** The live watches of build actions, by {@code CargoRunAction.key()}: a build that ends aborts its own. */
    private final Map<String, RunWatch> byAction = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writer;

    private CargoRuntime() {
        pool = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, daemonThreads());
        pool.setRemoveOnCancelPolicy(true);
        Scheduler scheduler = Scheduler.of(pool);
        http = CargoHttp.builder(scheduler)
                .httpClient(JenkinsOkHttpClient.newClientBuilder(new OkHttpClient()).build())
                .build();
        watcher = new RunWatcher(scheduler, Clock.systemUTC());
        // One thread, so the writes of a build happen in the order they were asked for; it ends when idle.
        writer = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("Cargo build state writer"));
        writer.allowCoreThreadTimeOut(true);
    }

    /** The controller's runtime, made on first use. */
    public static synchronized CargoRuntime get() {
        if (current == null) {
            current = new CargoRuntime();
        }
        return current;
    }

    /** A client of the API at {@code apiUrl} with a build's token, over the shared transport. */
    public CargoClient client(CargoApiUrl apiUrl, TokenSource tokens) {
        return CargoClient.of(http, apiUrl, tokens);
    }

    public RunWatcher watcher() {
        return watcher;
    }

    /**
     * Where the glue writes builds' state ({@code run.save()}) and does the rest of its blocking work:
     * never on the CPS VM thread, one task at a time, in order.
     */
    public Executor writer() {
        return writer;
    }

    /** Keeps {@code watch} in the set stopped at shutdown until its outcome is known. */
    public RunWatch track(RunWatch watch) {
        live.add(watch);
        watch.outcome().whenComplete((outcome, failure) -> live.remove(watch));
        return watch;
    }

    /**
     * Tracks {@code watch} as the live watch of a build's action, found again by {@link #liveWatch} until its
     * outcome is known (a build that ends while its run is followed aborts the watch).
     */
    public RunWatch track(String actionKey, RunWatch watch) {
        byAction.put(actionKey, watch);
        watch.outcome().whenComplete((outcome, failure) -> byAction.remove(actionKey, watch));
        return track(watch);
    }

    /**
     * Tracks the watch of a freestyle build step. Such a build holds its executor and cannot resume after
     * a restart, so at shutdown its run is cancelled rather than left to resume.
     */
    public RunWatch trackBlocking(String actionKey, RunWatch watch) {
        blocking.add(watch);
        watch.outcome().whenComplete((outcome, failure) -> blocking.remove(watch));
        return track(actionKey, watch);
    }

    /** Whether this runtime was shut down: its watches no longer act, and waiting for them is pointless. */
    public boolean isClosed() {
        return closed;
    }

    /** The watch following the run of a build's action in this JVM, if there is one. */
    public Optional<RunWatch> liveWatch(String actionKey) {
        return Optional.ofNullable(byAction.get(actionKey));
    }

    /** Jenkins is shutting down: stops the watches (they resume after the restart) and the threads. */
    @Terminator
    public static void terminate() {
        shutdown();
    }

    /**
     * The controller is stopping: every live watch stops where it is (its state is saved, the build
     * resumes it after the restart), then the scheduler and the HTTP exchanges under way end.
     */
    public static void shutdown() {
        CargoRuntime runtime;
        synchronized (CargoRuntime.class) {
            runtime = current;
            current = null;
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private void close() {
        closed = true;
        // Freestyle builds cannot resume: their runs are cancelled now, while the scheduler still runs. The
        // cancel goes out at once; the wait for Cargo to confirm it is cut short by the shutdown.
        List<CompletableFuture<?>> aborts = new ArrayList<>();
        for (RunWatch watch : blocking) {
            watch.abort();
            aborts.add(watch.outcome());
        }
        try {
            CompletableFuture.allOf(aborts.toArray(CompletableFuture<?>[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "Cancelled Cargo runs of freestyle builds not confirmed before shutdown", e);
        }
        CompletableFuture<?>[] stops = live.stream().map(RunWatch::stop).toArray(CompletableFuture<?>[]::new);
        try {
            // Bounded: the stops are short events on the scheduler, which is still running.
            CompletableFuture.allOf(stops).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Not every Cargo run watch stopped in time before shutdown", e);
        }
        pool.shutdownNow();
        http.cancelAll();
        // The states the stopped watches last handed over are written before the controller goes down.
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOGGER.warning("Not every Cargo build state was written before shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        return daemonThreads("Cargo run watch");
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + " " + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
