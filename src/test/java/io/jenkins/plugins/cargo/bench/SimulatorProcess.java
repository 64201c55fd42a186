package io.jenkins.plugins.cargo.bench;

import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.SimRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Cargo simulator in a process of its own, on 127.0.0.1, so that the benchmark's heap and threads
 * hold only what the plugin uses. Prints {@code READY <base URL> <token>}, then answers commands on its
 * standard input, one per line, until that closes:
 *
 * <ul>
 *   <li>{@code LOAD <seed> <runs> <shortest ms> <longest ms>}: scripts the workflows of a
 *       {@link BenchmarkWorkload}; answers {@code LOADED}.
 *   <li>{@code STATS <epoch ms>}: the requests received from that moment on, by endpoint; answers
 *       {@code STATS CREATE=n GET=n CANCEL=n LIST=n OTHER=n}.
 * </ul>
 *
 * <p>Arguments: the fixed part and the random part of every answer's latency, in milliseconds.
 */
public final class SimulatorProcess {
    private SimulatorProcess() {}

    public static void main(String[] args) throws Exception {
        Duration fixed = Duration.ofMillis(Long.parseLong(args[0]));
        Duration jitter = Duration.ofMillis(Long.parseLong(args[1]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (CargoSimulator sim = CargoSimulator.start()) {
            sim.latency(fixed, jitter);
            out.println("READY " + sim.baseUrl() + " " + sim.acceptedToken());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "LOAD" -> {
                        BenchmarkWorkload workload = BenchmarkWorkload.of(Long.parseLong(words[1]),
                                Integer.parseInt(words[2]), Duration.ofMillis(Long.parseLong(words[3])),
                                Duration.ofMillis(Long.parseLong(words[4])));
                        for (BenchmarkWorkload.Plan plan : workload.plans()) {
                            sim.script(plan.workflowUuid(), BenchmarkWorkload.script(plan));
                        }
                        out.println("LOADED");
                    }
                    case "STATS" -> {
                        long since = Long.parseLong(words[1]);
                        Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);
                        for (SimRequest request : sim.requests()) {
                            if (request.receivedAt().toEpochMilli() >= since) {
                                counts.merge(request.endpoint(), 1, Integer::sum);
                            }
                        }
                        StringBuilder answer = new StringBuilder("STATS");
                        for (Endpoint endpoint : Endpoint.values()) {
                            answer.append(' ').append(endpoint.name()).append('=').append(counts.getOrDefault(endpoint, 0));
                        }
                        out.println(answer);
                    }
                    default -> out.println("UNKNOWN " + words[0]);
                }
            }
        }
    }
}
