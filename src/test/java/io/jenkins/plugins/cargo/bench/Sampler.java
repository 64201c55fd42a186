package io.jenkins.plugins.cargo.bench;

import io.jenkins.plugins.cargo.api.CargoHttp;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Samples, every {@link #PERIOD_MILLIS}, the threads the plugin owns and the transport's requests in
 * flight and queued, and keeps the peaks.
 *
 * <p>A thread is the plugin's when its name says so: the scheduler's ({@code Cargo run watch …}), OkHttp's
 * ({@code OkHttp …}: the dispatcher's threads, named after the URL while they run an exchange, and OkHttp's
 * shared {@code OkHttp TaskRunner} threads) and, in the thread-per-wait mode, the waits' own
 * ({@code Cargo wait …}). Threads alive before the phase began are left out, except OkHttp's TaskRunner
 * threads, which every OkHttp client in the process shares: the idle dispatcher threads of the warm-up's
 * transport linger for OkHttp's minute of keep-alive but serve nobody now.
 */
final class Sampler implements AutoCloseable {
    static final long PERIOD_MILLIS = 50;
    /** The window over which the request rate is taken: one poll interval. */
    private static final long RATE_WINDOW_NANOS = 2_000_000_000L;

    private final CargoHttp http;
    private final WireCounters wire;
    private final Set<Long> before = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    // Written by the sampling thread only; read after close(), which joins it.
    int peakThreads;
    int peakScheduler;
    int peakDispatcher;
    int peakTaskRunner;
    int peakWaitThreads;
    int peakInFlight;
    int peakQueued;
    long samples;
    long inFlightSum;
    long queuedSum;
    double peakRate;
    private final ArrayDeque<long[]> window = new ArrayDeque<>();

    Sampler(CargoHttp http, WireCounters wire) {
        this.http = http;
        this.wire = wire;
        for (Thread t : liveThreads()) {
            before.add(t.getId());
        }
        thread = new Thread(this::loop, "benchmark sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        int scheduler = 0;
        int dispatcher = 0;
        int taskRunner = 0;
        int waits = 0;
        for (Thread t : liveThreads()) {
            String name = t.getName();
            if (name.startsWith("OkHttp TaskRunner")) {
                taskRunner++;
            } else if (before.contains(t.getId())) {
                continue;
            } else if (name.startsWith("Cargo run watch")) {
                scheduler++;
            } else if (name.startsWith("OkHttp")) {
                dispatcher++;
            } else if (name.startsWith("Cargo wait")) {
                waits++;
            }
        }
        peakScheduler = Math.max(peakScheduler, scheduler);
        peakDispatcher = Math.max(peakDispatcher, dispatcher);
        peakTaskRunner = Math.max(peakTaskRunner, taskRunner);
        peakWaitThreads = Math.max(peakWaitThreads, waits);
        // OkHttp's TaskRunner threads belong to the process (every OkHttp client shares them); they are
        // reported on their own, not as the plugin's.
        peakThreads = Math.max(peakThreads, scheduler + dispatcher + waits);
        int inFlight = http.requestsInFlight();
        int queued = http.requestsQueued();
        peakInFlight = Math.max(peakInFlight, inFlight);
        peakQueued = Math.max(peakQueued, queued);
        samples++;
        inFlightSum += inFlight;
        queuedSum += queued;
        long now = System.nanoTime();
        long calls = wire.calls.sum();
        window.addLast(new long[] {now, calls});
        while (window.size() > 1 && now - window.peekFirst()[0] > RATE_WINDOW_NANOS) {
            window.removeFirst();
        }
        long[] oldest = window.peekFirst();
        if (now - oldest[0] >= RATE_WINDOW_NANOS * 9 / 10) {
            peakRate = Math.max(peakRate, (calls - oldest[1]) * 1e9 / (now - oldest[0]));
        }
    }

    double meanInFlight() {
        return samples == 0 ? 0 : (double) inFlightSum / samples;
    }

    double meanQueued() {
        return samples == 0 ? 0 : (double) queuedSum / samples;
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 256];
        int n = root.enumerate(threads, true);
        Thread[] live = new Thread[n];
        System.arraycopy(threads, 0, live, 0, n);
        return live;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
