package io.jenkins.plugins.cargo.bench;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.CreateRunRequest;
import io.jenkins.plugins.cargo.api.JsonData;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import io.jenkins.plugins.cargo.run.RunEvents;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.RunWatcher;
import io.jenkins.plugins.cargo.run.Scheduler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * How the run watcher scales: N runs created at once against the Cargo simulator on loopback, each ending
 * after a random time, all followed by one watcher on a 4-thread scheduler; then, for contrast, the same
 * N runs followed the way most peer plugins do it, one blocked thread per wait.
 *
 * <p>Prints: peak busy and live watcher threads, heap retained per waiting run, requests per run against
 * the fewest possible, and the delay from the moment a run ends on the server to the moment its outcome
 * is known (p50/p99) against the poll interval. Run it with {@code mvn -B -f offline/pom.xml -Pbenchmark
 * verify}; {@code -Dbenchmark.runs=N} changes N.
 */
public final class WatchBenchmark {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration SHORTEST = Duration.ofSeconds(8);
    private static final Duration LONGEST = Duration.ofSeconds(30);
    private static final int WATCHER_THREADS = 4;

    private WatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 1000);
        long seed = Long.getLong("benchmark.seed", 42L);
        System.out.printf("Watch benchmark: %d runs ending %d-%d s after creation, poll interval %d s, loopback simulator%n",
                runs, SHORTEST.toSeconds(), LONGEST.toSeconds(), INTERVAL.toSeconds());
        Result watcher = scheduled(runs, seed);
        Result blocking = threadPerWait(runs, seed + 1);
        System.out.println();
        System.out.printf("%-34s %16s %16s%n", "", "scheduled watch", "thread per wait");
        row("peak threads busy polling", watcher.peakBusyThreads, blocking.peakBusyThreads);
        row("peak threads alive for waits", watcher.peakLiveThreads, blocking.peakLiveThreads);
        row("heap retained per waiting run", kib(watcher.heapPerRun), kib(blocking.heapPerRun));
        row("GET requests per run", String.format("%.2f", watcher.requestsPerRun), String.format("%.2f", blocking.requestsPerRun));
        row("fewest possible GETs per run", String.format("%.2f", watcher.minimumRequestsPerRun),
                String.format("%.2f", blocking.minimumRequestsPerRun));
        row("end-to-outcome latency p50", ms(watcher.latencyP50), ms(blocking.latencyP50));
        row("end-to-outcome latency p99", ms(watcher.latencyP99), ms(blocking.latencyP99));
        row("poll interval", ms(INTERVAL.toMillis()), ms(INTERVAL.toMillis()));
        row("runs that ended as expected", watcher.completed + "/" + runs, blocking.completed + "/" + runs);
        System.out.printf("%nTargets: <= 4 watcher threads busy, <= 16 KiB per waiting run, latency <= one interval (%d ms).%n",
                INTERVAL.toMillis());
    }

    private static void row(String name, Object scheduled, Object blocking) {
        System.out.printf("%-34s %16s %16s%n", name, scheduled, blocking);
    }

    private static String kib(double bytes) {
        return String.format("%.1f KiB", bytes / 1024);
    }

    private static String ms(long millis) {
        return millis + " ms";
    }

    /** A run whose end became known at {@code knownAt} (epoch ms). */
    private record Finished(String workflowUuid, Instant createdAt, long knownAt) {}

    private record Result(int peakBusyThreads, int peakLiveThreads, double heapPerRun, double requestsPerRun,
            double minimumRequestsPerRun, long latencyP50, long latencyP99, int completed) {}

    /** The plugin's way: one watcher, a small scheduler, no thread held between polls. */
    private static Result scheduled(int runs, long seed) throws Exception {
        BenchmarkWorkload workload = BenchmarkWorkload.of(seed, runs, SHORTEST, LONGEST);
        try (SimulatorHandle sim = SimulatorHandle.start(seed, runs)) {
            AtomicInteger busy = new AtomicInteger();
            AtomicInteger peakBusy = new AtomicInteger();
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(WATCHER_THREADS, r -> {
                Thread thread = new Thread(r, "cargo-watcher");
                thread.setDaemon(true);
                return thread;
            });
            Scheduler base = Scheduler.of(executor);
            Scheduler counting = (task, delay) -> base.schedule(() -> {
                peakBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
                try {
                    task.run();
                } finally {
                    busy.decrementAndGet();
                }
            }, delay);
            AtomicLong gets = new AtomicLong();
            CargoClient client = sim.client(gets);
            RunWatcher watcher = new RunWatcher(client, counting, Clock.systemUTC());

            long heapBefore = usedHeapAfterGc();
            List<Finished> finished = Collections.synchronizedList(new ArrayList<>());
            List<RunWatch> watches = new ArrayList<>(runs);
            CountDownLatch done = new CountDownLatch(runs);
            for (int i = 0; i < runs; i++) {
                RunOptions options = RunOptions.builder(workload.workflows().get(i), Map.of("record", i))
                        .pollIntervalSeconds(INTERVAL.toSeconds())
                        .build();
                RunWatch watch = watcher.start(options, QUIET);
                watch.outcome().whenComplete((outcome, failure) -> {
                    if (outcome != null && outcome.status().equals("success")) {
                        finished.add(new Finished(outcome.workflowUuid(), outcome.createdAt(), System.currentTimeMillis()));
                    }
                    done.countDown();
                });
                watches.add(watch);
            }
            Thread.sleep(SHORTEST.toMillis() / 2);
            long waiting = watches.stream().filter(w -> !w.outcome().isDone()).count();
            long heapWaiting = usedHeapAfterGc();
            int peakLive = executor.getLargestPoolSize();
            if (!done.await(LONGEST.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not every run ended");
            }
            executor.shutdownNow();
            return summarize(workload, finished, gets.get(), peakBusy.get(), peakLive,
                    (double) (heapWaiting - heapBefore) / Math.max(1, waiting));
        }
    }

    /** What most peer plugins do: a thread per wait that sleeps between polls. */
    private static Result threadPerWait(int runs, long seed) throws Exception {
        BenchmarkWorkload workload = BenchmarkWorkload.of(seed, runs, SHORTEST, LONGEST);
        try (SimulatorHandle sim = SimulatorHandle.start(seed, runs)) {
            AtomicLong gets = new AtomicLong();
            CargoClient client = sim.client(gets).withRetryPolicy(RetryPolicy.none());
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            List<Finished> finished = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger alive = new AtomicInteger();
            AtomicInteger peakAlive = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String workflow = workload.workflows().get(i);
                int record = i;
                Thread thread = new Thread(() -> {
                    peakAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
                    try {
                        CargoRun run = client.createRun(
                                new CreateRunRequest(workflow, JsonData.of(Map.of("record", record)), null));
                        while (!run.isTerminal()) {
                            Thread.sleep(INTERVAL.toMillis());
                            run = client.getRun(run.uuid());
                        }
                        finished.add(new Finished(workflow, run.createdAt(), System.currentTimeMillis()));
                    } catch (Exception e) {
                        // Counted as not completed.
                    } finally {
                        alive.decrementAndGet();
                    }
                }, "blocking-wait-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(SHORTEST.toMillis() / 2);
            long heapWaiting = usedHeapAfterGc();
            int liveDuringWait = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
            for (Thread thread : threads) {
                thread.join(LONGEST.toMillis() + 60_000);
            }
            return summarize(workload, finished, gets.get(), peakAlive.get(), liveDuringWait,
                    (double) (heapWaiting - heapBefore) / runs);
        }
    }

    private static Result summarize(BenchmarkWorkload workload, List<Finished> finished, long gets, int peakBusy,
            int peakLive, double heapPerRun) {
        List<Long> latencies = new ArrayList<>();
        long minimum = 0;
        for (Finished run : finished) {
            Duration runFor = workload.durations().get(workload.workflows().indexOf(run.workflowUuid()));
            latencies.add(run.knownAt() - run.createdAt().plus(runFor).toEpochMilli());
            // A poller that looks exactly once per interval needs this many reads to see the end.
            minimum += (runFor.toMillis() + INTERVAL.toMillis() - 1) / INTERVAL.toMillis();
        }
        Collections.sort(latencies);
        int n = Math.max(1, finished.size());
        return new Result(peakBusy, peakLive, heapPerRun, (double) gets / n, (double) minimum / n,
                percentile(latencies, 0.50), percentile(latencies, 0.99), finished.size());
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static final RunEvents QUIET = line -> {};

    /** A simulator process and a client for it. */
    private static final class SimulatorHandle implements AutoCloseable {
        private final Process process;
        private final String baseUrl;
        private final String token;

        private SimulatorHandle(Process process, String baseUrl, String token) {
            this.process = process;
            this.baseUrl = baseUrl;
            this.token = token;
        }

        static SimulatorHandle start(long seed, int runs) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    SimulatorProcess.class.getName(), Long.toString(seed), Integer.toString(runs),
                    Long.toString(SHORTEST.toMillis()), Long.toString(LONGEST.toMillis()))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("READY ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the simulator did not start: " + ready);
            }
            String[] parts = ready.split(" ");
            return new SimulatorHandle(process, parts[1], parts[2]);
        }

        CargoClient client(AtomicLong gets) {
            OkHttpClient http = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
                    .addInterceptor(chain -> {
                        if (chain.request().method().equals("GET")) {
                            gets.incrementAndGet();
                        }
                        return chain.proceed(chain.request());
                    })
                    .build();
            http.dispatcher().setMaxRequestsPerHost(64);
            return CargoClient.builder(CargoApiUrl.parse(baseUrl), () -> token).httpClient(http).build();
        }

        @Override
        public void close() throws IOException {
            process.getOutputStream().close();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
