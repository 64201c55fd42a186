package io.jenkins.plugins.cargo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The benchmark's side of a {@link SimulatorProcess}: starts it, loads workloads, reads its request counts. */
final class SimulatorHandle implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final String baseUrl;
    private final String token;

    private SimulatorHandle(Process process, BufferedReader out, PrintWriter in, String baseUrl, String token) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Starts a simulator JVM whose every answer is held {@code fixed} plus up to {@code jitter}. */
    static SimulatorHandle start(Duration fixed, Duration jitter) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                SimulatorProcess.class.getName(), Long.toString(fixed.toMillis()), Long.toString(jitter.toMillis()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the simulator did not start: " + ready);
        }
        String[] parts = ready.split(" ");
        return new SimulatorHandle(process, out, in, parts[1], parts[2]);
    }

    String baseUrl() {
        return baseUrl;
    }

    String token() {
        return token;
    }

    /** Scripts the workflows of {@code BenchmarkWorkload.of(seed, runs, shortest, longest)}. */
    void load(long seed, int runs, Duration shortest, Duration longest) throws IOException {
        in.println("LOAD " + seed + " " + runs + " " + shortest.toMillis() + " " + longest.toMillis());
        expect("LOADED");
    }

    /** Requests received from {@code sinceEpochMillis} on, by endpoint name (CREATE, GET, CANCEL, LIST, OTHER). */
    Map<String, Integer> requestCounts(long sinceEpochMillis) throws IOException {
        in.println("STATS " + sinceEpochMillis);
        String answer = expect("STATS");
        Map<String, Integer> counts = new HashMap<>();
        for (String pair : answer.substring("STATS".length()).trim().split(" ")) {
            String[] kv = pair.split("=");
            counts.put(kv[0], Integer.parseInt(kv[1]));
        }
        return counts;
    }

    private String expect(String prefix) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(prefix)) {
            throw new IOException("the simulator answered " + line + " instead of " + prefix);
        }
        return line;
    }

    @Override
    public void close() {
        in.close();
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
