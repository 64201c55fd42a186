package io.jenkins.plugins.cargo.bench;

import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.RunScript;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Cargo simulator in a process of its own, so that the benchmark's heap and threads hold only what
 * the plugin uses. Prints "READY <base URL>" and serves until its standard input closes.
 *
 * <p>Arguments: seed, number of runs, shortest and longest run in milliseconds.
 */
public final class SimulatorProcess {
    private SimulatorProcess() {}

    public static void main(String[] args) throws Exception {
        BenchmarkWorkload workload = BenchmarkWorkload.of(Long.parseLong(args[0]), Integer.parseInt(args[1]),
                Duration.ofMillis(Long.parseLong(args[2])), Duration.ofMillis(Long.parseLong(args[3])));
        try (CargoSimulator sim = CargoSimulator.start()) {
            for (int i = 0; i < workload.workflows().size(); i++) {
                sim.script(workload.workflows().get(i), RunScript.timed(workload.durations().get(i), "success"));
            }
            System.out.println("READY " + sim.baseUrl() + " " + sim.acceptedToken());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // Serve until the benchmark closes our input.
            }
        }
    }
}
