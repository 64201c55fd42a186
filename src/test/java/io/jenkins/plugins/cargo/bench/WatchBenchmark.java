package io.jenkins.plugins.cargo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.cargo.api.CargoHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How far one controller's run watch carries: N waits at once against the Cargo API simulator (in a
 * process of its own, on 127.0.0.1), for N = 100, 300 and 1,000, followed first by the plugin's watch
 * (one {@code RunWatcher} over a 2-thread scheduler and one {@link CargoHttp} transport), then, for
 * contrast, by a thread per wait that sleeps between blocking reads over the same transport settings.
 * Each phase runs in a JVM of its own ({@link PhaseProcess}), so none counts another's threads or heap.
 *
 * <p>Every answer of the simulator is held 200 ms ± 50 ms; each run ends 8 to 30 s after its creation
 * (evenly spread), with ten executions and about 20 KiB of output; the poll interval is 2 s. Prints, per
 * size, the threads the plugin owns, requests in flight and queued, heap per waiting run, requests per run
 * against the fewest possible, the time from a run's end in Cargo to its outcome, and whether every run
 * ended as scripted; then which targets the watch met, and the request rate the waits need against the
 * rate the in-flight limit allows. Asserts nothing.
 *
 * <p>{@code mvn -B -f offline/pom.xml -Pbenchmark -DskipTests verify}; {@code -Dbenchmark.sizes=100,300}
 * changes the sizes and {@code -Dbenchmark.extra=} the extra watch phases ({@link #DEFAULT_EXTRA}). See
 * docs/benchmark.md.
 */
public final class WatchBenchmark {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration SHORTEST = Duration.ofSeconds(8);
    static final Duration LONGEST = Duration.ofSeconds(30);
    /** 200 ms ± 50 ms: 150 ms plus up to 100 ms, uniformly. */
    static final Duration LATENCY_FIXED = Duration.ofMillis(150);
    static final Duration LATENCY_JITTER = Duration.ofMillis(100);
    /** The warm-up each phase process runs first: short runs, ending at their first read. */
    static final int WARM_UP_RUNS = 96;
    static final Duration WARM_UP_SHORTEST = Duration.ofMillis(500);
    static final Duration WARM_UP_LONGEST = Duration.ofMillis(1500);

    static final int TARGET_SIZE = 300;
    static final Duration TARGET_LATENCY = INTERVAL.plusMillis(500);
    static final double TARGET_REQUEST_RATIO = 1.15;
    static final int TARGET_EXTRA_THREADS = 4;
    static final double TARGET_HEAP_KIB = 8;

    /**
     * The extra watch phases run by default, to show what other transport settings change, as
     * {@code size@maxRequestsPerHost[:idleConnections[:fastFallback]]} separated by semicolons
     * ({@code -Dbenchmark.extra=} for none).
     */
    static final String DEFAULT_EXTRA = "300@48:48;1000@128:128";

    private WatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "100,300,1000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        String extra = System.getProperty("benchmark.extra", DEFAULT_EXTRA);
        String phaseHeap = System.getProperty("benchmark.phaseHeap", "1g");
        long seed = Long.getLong("benchmark.seed", 7L);

        printSetting(phaseHeap);
        long began = System.nanoTime();
        try (SimulatorHandle sim = SimulatorHandle.start(LATENCY_FIXED, LATENCY_JITTER)) {
            long warmUpSeed = seed * 1000;
            sim.load(warmUpSeed, WARM_UP_RUNS, WARM_UP_SHORTEST, WARM_UP_LONGEST);
            int phase = 0;
            for (int size : sizes) {
                List<Mode> modes = new ArrayList<>(List.of(Mode.WATCH, Mode.THREAD_PER_WAIT));
                modes.addAll(extraModes(extra, size));
                List<Figures> figures = new ArrayList<>();
                for (Mode mode : modes) {
                    long phaseSeed = seed * 1000 + 1 + phase++;
                    sim.load(phaseSeed, size, SHORTEST, LONGEST);
                    Figures f = runPhase(sim, mode, size, phaseSeed, warmUpSeed, phaseHeap);
                    figures.add(f);
                    System.out.printf(Locale.ROOT, "  %s, %,d waits: done in %.0f s (%d s since the start).%n",
                            mode.label(), size, f.decimal("wallSeconds"), elapsedSeconds(began));
                }
                print(size, figures);
            }
        }
        System.out.printf(Locale.ROOT, "%nBenchmark took %d s.%n", elapsedSeconds(began));
    }

    /** Runs one phase in a JVM of its own and completes its figures with the simulator's request counts. */
    private static Figures runPhase(SimulatorHandle sim, Mode mode, int size, long seed, long warmUpSeed, String heap)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap,
                "-Dbenchmark.histogram=" + Integer.getInteger("benchmark.histogram", 0),
                "-cp", System.getProperty("java.class.path"), PhaseProcess.class.getName()));
        command.addAll(List.of(mode.spec(), Integer.toString(size), Long.toString(seed),
                Long.toString(SHORTEST.toMillis()), Long.toString(LONGEST.toMillis()), sim.baseUrl(), sim.token(),
                Long.toString(warmUpSeed), Integer.toString(WARM_UP_RUNS), Long.toString(WARM_UP_SHORTEST.toMillis()),
                Long.toString(WARM_UP_LONGEST.toMillis())));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Figures.PREFIX)) {
                    result = line;
                } else {
                    System.out.println(line);
                }
            }
        }
        int exit = process.waitFor();
        if (result == null) {
            throw new IllegalStateException("the phase " + mode.label() + " at " + size + " ended (exit " + exit
                    + ") without figures");
        }
        Figures figures = Figures.parse(result).mode(mode);
        sim.requestCounts(figures.whole("startedAt")).forEach(figures::put);
        return figures;
    }

    private static long elapsedSeconds(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
    }

    /** The extra watch phases at {@code size}: see {@link #DEFAULT_EXTRA}. */
    static List<Mode> extraModes(String spec, int size) {
        List<Mode> modes = new ArrayList<>();
        for (String entry : spec.split(";")) {
            String[] at = entry.trim().split("@");
            if (at.length == 2 && Integer.parseInt(at[0].trim()) == size) {
                modes.add(Mode.watchVariant(at[1]));
            }
        }
        return modes;
    }

    private static void printSetting(String phaseHeap) {
        Runtime runtime = Runtime.getRuntime();
        long physical = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : -1;
        System.out.printf(Locale.ROOT, "Machine: %d cores, %.1f GiB memory, %s %s; Java %s (%s); each phase in its"
                        + " own JVM with -Xmx%s%n",
                runtime.availableProcessors(), physical / (1024.0 * 1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                phaseHeap);
        System.out.printf(Locale.ROOT, "Setting: simulator answers held %d ms + up to %d ms; runs end %d-%d s after"
                        + " creation, evenly spread; %d executions and %.1f KiB of output per run; poll interval %d s;"
                        + " %d scheduler threads; in-flight limit %d per host, %d in all.%n",
                LATENCY_FIXED.toMillis(), LATENCY_JITTER.toMillis(), SHORTEST.toSeconds(), LONGEST.toSeconds(),
                BenchmarkWorkload.EXECUTIONS, outputKib(), INTERVAL.toSeconds(), PhaseProcess.SCHEDULER_THREADS,
                CargoHttp.DEFAULT_MAX_REQUESTS_PER_HOST, CargoHttp.DEFAULT_MAX_REQUESTS);
    }

    private static double outputKib() {
        try {
            return new ObjectMapper().writeValueAsBytes(BenchmarkWorkload.output()).length / 1024.0;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- printing --------------------------------------------------------------------------------

    private static void print(int size, List<Figures> all) {
        int width = Math.max(18, all.stream().mapToInt(f -> f.mode().label().length() + 2).max().orElse(0));
        System.out.printf(Locale.ROOT, "%n=== %,d concurrent waits ===%n", size);
        row(all, width, "", f -> f.mode().label());
        row(all, width, "peak threads the plugin owns", f -> whole(f, "peakThreads"));
        row(all, width, "  scheduler", f -> whole(f, "peakScheduler"));
        row(all, width, "  OkHttp dispatcher", f -> whole(f, "peakDispatcher"));
        row(all, width, "  OkHttp TaskRunner (process-wide)", f -> whole(f, "peakTaskRunner"));
        row(all, width, "  per-wait threads", f -> whole(f, "peakWaitThreads"));
        row(all, width, "in-flight limit (per host)", f -> Integer.toString(f.mode().maxRequestsPerHost()));
        row(all, width, "peak requests in flight", f -> whole(f, "peakInFlight"));
        row(all, width, "peak requests queued", f -> whole(f, "peakQueued"));
        row(all, width, "mean requests in flight / queued",
                f -> fmt("%.1f / %.1f", f.decimal("meanInFlight"), f.decimal("meanQueued")));
        row(all, width, "heap per waiting run", f -> fmt("%.1f KiB", f.heapPerRunKib()));
        row(all, width, "  runs ended before the heap sample", f -> whole(f, "endedBeforeHeapSample"));
        row(all, width, "requests per run (creates + reads)", f -> fmt("%.2f", f.requestsPerRun()));
        row(all, width, "  fewest possible per run", f -> fmt("%.2f", f.decimal("fewestPerRun")));
        row(all, width, "  ratio to the fewest", f -> fmt("%.2fx", f.requestRatio()));
        row(all, width, "end-to-outcome latency p50", f -> whole(f, "p50") + " ms");
        row(all, width, "end-to-outcome latency p99", f -> whole(f, "p99") + " ms");
        row(all, width, "end-to-outcome latency max", f -> whole(f, "max") + " ms");
        row(all, width, "runs ended as expected", f -> whole(f, "asExpected") + "/" + f.runs());
        row(all, width, "time until every run was created", f -> fmt("%.1f s", f.decimal("createSeconds")));
        row(all, width, "mean time on the wire per request", f -> fmt("%.0f ms", f.decimal("meanExchangeMs")));
        row(all, width, "mean time a request holds a slot", f -> fmt("%.0f ms", f.decimal("meanSlotMs")));
        row(all, width, "peak request rate (2 s window)", f -> fmt("%.0f/s", f.decimal("peakRate")));
        row(all, width, "connections opened", f -> whole(f, "connections"));
        row(all, width, "log lines / saves per run", f -> f.mode().watch()
                ? fmt("%.1f / %.1f", (double) f.whole("logLines") / f.runs(), (double) f.whole("saves") / f.runs())
                : "-");
        row(all, width, "phase wall time", f -> fmt("%.0f s", f.decimal("wallSeconds")));
        for (Figures f : all) {
            if (f.text("firstFailure") != null) {
                System.out.printf(Locale.ROOT, "  %s: a run not as expected: %s%n", f.mode().label(), f.text("firstFailure"));
            }
        }
        for (Figures f : all) {
            if (f.mode().watch()) {
                System.out.println(targets(f));
            }
        }
        all.forEach(WatchBenchmark::capacity);
    }

    private static String targets(Figures f) {
        List<String> parts = new ArrayList<>();
        long p99 = f.whole("p99");
        parts.add(target(p99 >= 0 && p99 <= TARGET_LATENCY.toMillis(), "p99 latency <= " + TARGET_LATENCY.toMillis()
                + " ms", p99 + " ms"));
        parts.add(target(f.requestRatio() <= TARGET_REQUEST_RATIO, fmt("requests <= %.2fx fewest", TARGET_REQUEST_RATIO),
                fmt("%.2fx", f.requestRatio())));
        parts.add(target(f.whole("peakThreads") <= f.threadLimit(), "threads <= " + f.threadLimit(),
                whole(f, "peakThreads")));
        parts.add(target(f.heapPerRunKib() <= TARGET_HEAP_KIB, fmt("heap <= %.0f KiB per run", TARGET_HEAP_KIB),
                fmt("%.1f KiB", f.heapPerRunKib())));
        parts.add(target(f.whole("asExpected") == f.runs(), "all runs as expected", whole(f, "asExpected") + "/" + f.runs()));
        long met = parts.stream().filter(p -> p.startsWith("met")).count();
        return fmt("Targets (set for %d waits) for %s at %,d: %d of 5 met: %s", TARGET_SIZE, f.mode().label(), f.runs(),
                met, String.join("; ", parts));
    }

    private static String target(boolean met, String what, String value) {
        return (met ? "met " : "MISSED ") + what + " (" + value + ")";
    }

    /**
     * The request rate the waits need against what the in-flight limit allows and, when they need more,
     * what the dispatcher's queue does to them.
     */
    private static void capacity(Figures f) {
        double slot = f.decimal("meanSlotMs") / 1000;
        // After each answer the watch waits 80 to 100 % of the interval; the thread per wait all of it.
        double delay = (f.mode().watch() ? 0.9 : 1.0) * INTERVAL.toMillis() / 1000;
        double needed = f.runs() / (delay + slot);
        double ceiling = f.mode().maxRequestsPerHost() / slot;
        System.out.println(fmt("Capacity for %s at %,d: reading every run once per %.1f s + %.0f ms takes %.0f"
                        + " requests/s; %d in flight / %.0f ms allows %.0f/s; measured peak %.0f/s.",
                f.mode().label(), f.runs(), delay, slot * 1000, needed, f.mode().maxRequestsPerHost(), slot * 1000,
                ceiling, f.decimal("peakRate")));
        if (needed > ceiling) {
            double meanRate = f.whole("calls") / f.decimal("wallSeconds");
            System.out.println(fmt("  Saturated: the rest wait in the dispatcher's queue (peak %d, mean %.0f: about"
                            + " %.1f s each), so a run is read about every %.1f s rather than every %.1f s, and its end"
                            + " is seen that much later.",
                    f.whole("peakQueued"), f.decimal("meanQueued"), f.decimal("meanQueued") / Math.max(1, meanRate),
                    f.runs() / Math.max(1, f.decimal("peakRate")), delay + slot));
        }
    }

    private interface Cell {
        String of(Figures f);
    }

    private static void row(List<Figures> all, int width, String name, Cell cell) {
        StringBuilder line = new StringBuilder(fmt("%-36s", name));
        all.forEach(f -> line.append(fmt("%" + width + "s", cell.of(f))));
        System.out.println(line);
    }

    private static String whole(Figures f, String name) {
        return Long.toString(f.whole(name));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
