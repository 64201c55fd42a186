package io.jenkins.plugins.cargo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The benchmark's runs: one workflow per run, each ending after its own random time. The benchmark and
 * the simulator process derive the same list from the same seed, so no run plan has to be sent across.
 */
record BenchmarkWorkload(List<String> workflows, List<Duration> durations) {
    static BenchmarkWorkload of(long seed, int runs, Duration shortest, Duration longest) {
        Random random = new Random(seed);
        List<String> workflows = new ArrayList<>(runs);
        List<Duration> durations = new ArrayList<>(runs);
        long span = longest.toMillis() - shortest.toMillis();
        for (int i = 0; i < runs; i++) {
            workflows.add(new UUID(0x4000_0000_0000_4000L | seed, 0x8000_0000_0000_0000L | i).toString());
            durations.add(Duration.ofMillis(shortest.toMillis() + (long) (random.nextDouble() * span)));
        }
        return new BenchmarkWorkload(List.copyOf(workflows), List.copyOf(durations));
    }
}
