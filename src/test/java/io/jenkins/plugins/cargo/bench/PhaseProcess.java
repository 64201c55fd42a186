package io.jenkins.plugins.cargo.bench;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoHttp;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.Scheduler;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.RunWatcher;
import io.jenkins.plugins.cargo.run.WatchHost;
import io.jenkins.plugins.cargo.run.WatchState;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/**
 * One phase of the benchmark — N runs followed in one mode — in a JVM of its own, so that no thread or
 * object of an earlier phase (OkHttp keeps idle threads for a minute) is counted in this one. It first
 * follows a few short runs over a transport that keeps its connections (loading classes and warming the
 * JIT without leaving OkHttp threads behind), then measures, and prints its {@link Figures} as one line.
 *
 * <p>Arguments: mode ({@link Mode#spec()}), runs, seed, shortest and longest run (ms), the simulator's
 * base URL and token, then the warm-up's seed, runs, shortest and longest run (ms).
 */
public final class PhaseProcess {
    /** As the plugin's CargoRuntime. */
    static final int SCHEDULER_THREADS = 2;
    /** No phase should take this long; one that does is reported with the runs that did not end. */
    static final Duration PHASE_LIMIT = Duration.ofMinutes(3);

    private PhaseProcess() {}

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.parse(args[0]);
        BenchmarkWorkload workload = BenchmarkWorkload.of(Long.parseLong(args[2]), Integer.parseInt(args[1]),
                Duration.ofMillis(Long.parseLong(args[3])), Duration.ofMillis(Long.parseLong(args[4])));
        String baseUrl = args[5];
        String token = args[6];
        BenchmarkWorkload warmUp = BenchmarkWorkload.of(Long.parseLong(args[7]), Integer.parseInt(args[8]),
                Duration.ofMillis(Long.parseLong(args[9])), Duration.ofMillis(Long.parseLong(args[10])));

        run(mode.warmUp(), warmUp, baseUrl, token, false);
        Figures figures = run(mode, workload, baseUrl, token, HeapHistogram.wanted());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(figures.toLine());
        // OkHttp's dispatcher threads are not daemons and idle for a minute before they end.
        System.exit(0);
    }

    /** What happened to each run; each slot is written once, before the latch counts it. */
    static final class Results {
        final long[] outcomeAt;
        final long[] finishedAt;
        final boolean[] asExpected;
        final String[] failure;
        final CountDownLatch done;
        final AtomicInteger ended = new AtomicInteger();

        Results(int runs) {
            outcomeAt = new long[runs];
            finishedAt = new long[runs];
            asExpected = new boolean[runs];
            failure = new String[runs];
            done = new CountDownLatch(runs);
        }

        void ended(int index, long at, long cargoFinishedAt, boolean expected, String why) {
            outcomeAt[index] = at;
            finishedAt[index] = cargoFinishedAt;
            asExpected[index] = expected;
            failure[index] = why;
            ended.incrementAndGet();
            done.countDown();
        }
    }

    /** A build's host as the benchmark needs it: every save is durable at once; log lines are counted. */
    static final class CountingHost implements WatchHost {
        private static final CompletableFuture<Void> DURABLE = CompletableFuture.completedFuture(null);
        private final LongAdder lines;
        private final LongAdder saves;

        CountingHost(LongAdder lines, LongAdder saves) {
            this.lines = lines;
            this.saves = saves;
        }

        @Override
        public void log(String line) {
            lines.increment();
        }

        @Override
        public CompletionStage<Void> save(WatchState state) {
            saves.increment();
            return DURABLE;
        }
    }

    static Figures run(Mode mode, BenchmarkWorkload workload, String baseUrl, String token, boolean histogram)
            throws Exception {
        int runs = workload.size();
        AtomicInteger schedulerThreads = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(SCHEDULER_THREADS, task -> {
            Thread thread = new Thread(task, "Cargo run watch " + schedulerThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        Scheduler scheduler = Scheduler.of(pool);
        WireCounters wire = new WireCounters();
        OkHttpClient base = wire.instrument(mode.baseClient());
        CargoHttp http = CargoHttp.builder(scheduler)
                .httpClient(base)
                .maxRequestsPerHost(mode.maxRequestsPerHost())
                .maxRequests(mode.maxRequests())
                .build();
        CargoClient client = CargoClient.of(http, CargoApiUrl.parse(baseUrl), () -> token);
        Results results = new Results(runs);
        LongAdder lines = new LongAdder();
        LongAdder saves = new LongAdder();
        List<BenchmarkWorkload.Plan> plans = workload.plans();

        Sampler sampler = new Sampler(http, wire);
        // Taken first, so that both heap samples hold it.
        Map<String, long[]> histogramBefore = histogram ? HeapHistogram.take() : null;
        long heapBefore = usedHeapAfterGc();
        long startedAt = System.currentTimeMillis();
        long started = System.nanoTime();
        BooleanSupplier allCreated = mode.watch()
                ? startWatches(plans, new RunWatcher(scheduler, Clock.systemUTC()), client, results, lines, saves)
                : startThreads(plans, client, results);
        long deadline = started + PHASE_LIMIT.toNanos();
        while (!allCreated.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double createSeconds = (System.nanoTime() - started) / 1e9;
        long heapWaiting = usedHeapAfterGc();
        int endedBeforeHeapSample = results.ended.get();
        if (histogramBefore != null) {
            HeapHistogram.printGrowth(histogramBefore, HeapHistogram.take(), runs);
        }
        boolean complete = results.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        sampler.close();
        pool.shutdownNow();
        if (!complete) {
            http.cancelAll();
        }
        base.connectionPool().evictAll();

        List<Long> latencies = new ArrayList<>();
        int asExpected = 0;
        String firstFailure = null;
        long fewest = 0;
        for (int i = 0; i < runs; i++) {
            fewest += 1 + ceilDiv(plans.get(i).runFor().toMillis(), WatchBenchmark.INTERVAL.toMillis());
            if (results.outcomeAt[i] != 0 && results.finishedAt[i] != 0) {
                latencies.add(results.outcomeAt[i] - results.finishedAt[i]);
            }
            if (results.asExpected[i]) {
                asExpected++;
            } else if (firstFailure == null) {
                firstFailure = results.failure[i] == null ? "no outcome within " + PHASE_LIMIT : results.failure[i];
            }
        }
        latencies.sort(null);
        long calls = wire.calls.sum();
        Figures figures = new Figures()
                .put("runs", runs)
                .put("startedAt", startedAt)
                .put("peakThreads", sampler.peakThreads)
                .put("peakScheduler", sampler.peakScheduler)
                .put("peakDispatcher", sampler.peakDispatcher)
                .put("peakTaskRunner", sampler.peakTaskRunner)
                .put("peakWaitThreads", sampler.peakWaitThreads)
                .put("peakInFlight", sampler.peakInFlight)
                .put("peakQueued", sampler.peakQueued)
                .put("meanInFlight", sampler.meanInFlight())
                .put("meanQueued", sampler.meanQueued())
                .put("peakRate", sampler.peakRate)
                .put("heapPerRunBytes", Math.max(0, heapWaiting - heapBefore) / (double) runs)
                .put("heapBaselineBytes", heapBefore)
                .put("endedBeforeHeapSample", endedBeforeHeapSample)
                .put("fewestPerRun", (double) fewest / runs)
                .put("calls", calls)
                .put("connections", wire.connections.sum())
                .put("meanExchangeMs", wire.meanExchangeMillis())
                // Little's law: calls holding a dispatcher slot, on average, over the rate of calls.
                .put("meanSlotMs", calls == 0 ? 0 : sampler.meanInFlight() * wallSeconds * 1000 / calls)
                .put("p50", percentile(latencies, 0.50))
                .put("p99", percentile(latencies, 0.99))
                .put("max", latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1))
                .put("asExpected", asExpected)
                .put("logLines", lines.sum())
                .put("saves", saves.sum())
                .put("wallSeconds", wallSeconds)
                .put("createSeconds", createSeconds);
        if (firstFailure != null) {
            figures.put("firstFailure", firstFailure);
        }
        return figures.mode(mode);
    }

    /** The plugin's way: every run started at once on one watcher; nothing holds a thread between polls. */
    private static BooleanSupplier startWatches(List<BenchmarkWorkload.Plan> plans, RunWatcher watcher,
            CargoClient client, Results results, LongAdder lines, LongAdder saves) {
        // As CargoRuntime.track: the live watches, each dropped once its outcome is known.
        Set<RunWatch> live = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < plans.size(); i++) {
            BenchmarkWorkload.Plan plan = plans.get(i);
            // The runs' workflows have no release in the simulator: the data check before the create (one read
            // per workflow and minute, shared by the builds) is left out, so both modes make the same requests.
            RunOptions options = RunOptions.builder(plan.workflowUuid(), Map.of("record", i))
                    .pollIntervalSeconds(WatchBenchmark.INTERVAL.toSeconds())
                    .validateData(false)
                    .build();
            RunWatch watch = watcher.start(options, client, new CountingHost(lines, saves));
            live.add(watch);
            int index = i;
            watch.outcome().whenComplete((outcome, error) -> {
                long at = System.currentTimeMillis();
                live.remove(watch);
                if (outcome == null) {
                    results.ended(index, at, 0, false, String.valueOf(error));
                } else {
                    results.ended(index, at, outcome.finishedAt() == null ? 0 : outcome.finishedAt().toEpochMilli(),
                            expected(outcome, plan), outcome.toString());
                }
            });
        }
        return () -> live.stream().allMatch(watch -> watch.runUuid() != null);
    }

    private static boolean expected(RunOutcome outcome, BenchmarkWorkload.Plan plan) {
        boolean success = plan.terminalStatus().equals("success");
        return outcome.status().equals(plan.terminalStatus())
                && outcome.endReason() == EndReason.FINISHED
                && outcome.result() == (success ? BuildResult.SUCCESS : BuildResult.FAILURE)
                && outcome.finishedAt() != null
                && outcome.output().size() == BenchmarkWorkload.EXECUTIONS;
    }

    /**
     * The naive way, for contrast: a platform thread per run that creates it, then sleeps an interval and
     * reads it, blocking, until it has ended.
     */
    private static BooleanSupplier startThreads(List<BenchmarkWorkload.Plan> plans, CargoClient client, Results results) {
        AtomicInteger created = new AtomicInteger();
        for (int i = 0; i < plans.size(); i++) {
            BenchmarkWorkload.Plan plan = plans.get(i);
            int index = i;
            Thread thread = new Thread(() -> {
                boolean counted = false;
                try {
                    RunOptions options = RunOptions.builder(plan.workflowUuid(), Map.of("record", index))
                            .pollIntervalSeconds(WatchBenchmark.INTERVAL.toSeconds())
                            .build();
                    CargoRun run = client.createRun(options.createRequest()).get();
                    created.incrementAndGet();
                    counted = true;
                    while (!run.isTerminal()) {
                        Thread.sleep(WatchBenchmark.INTERVAL.toMillis());
                        run = client.getRun(run.uuid()).get();
                    }
                    long at = System.currentTimeMillis();
                    boolean expected = run.status().value().equals(plan.terminalStatus())
                            && run.finishedAt() != null
                            && run.output().size() == BenchmarkWorkload.EXECUTIONS;
                    results.ended(index, at, run.finishedAt() == null ? 0 : run.finishedAt().toEpochMilli(), expected,
                            "status " + run.status());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.ended(index, 0, 0, false, "interrupted");
                } catch (ExecutionException | RuntimeException e) {
                    results.ended(index, 0, 0, false, String.valueOf(e.getCause() != null ? e.getCause() : e));
                } finally {
                    if (!counted) {
                        created.incrementAndGet();
                    }
                }
            }, "Cargo wait " + i);
            thread.setDaemon(true);
            thread.start();
        }
        return () -> created.get() == plans.size();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }

    /** Used heap after forcing full collections a few times: the least of the readings. */
    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
