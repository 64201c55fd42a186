package io.jenkins.plugins.cargo.bench;

import io.jenkins.plugins.cargo.simulator.RunScript;
import io.jenkins.plugins.cargo.simulator.SimExecution;
import io.jenkins.plugins.cargo.simulator.SimNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The runs of one benchmark phase: one workflow per run, each run ending a given time after its
 * creation. The run times are spread evenly over [shortest, longest] and shuffled, so every phase of a
 * size has the same spread and the fewest possible requests are the same for both modes. Every tenth run
 * ends in {@code error}, the others in {@code success}.
 *
 * <p>The benchmark and the simulator process derive the same list from the same seed, so no plan has to
 * be sent across; only the simulator builds the scripts (and their outputs).
 */
final class BenchmarkWorkload {
    /** Executions each run shows, from its creation on: done ones, one running, the rest pending. */
    static final int EXECUTIONS = 10;
    /** Rows of output per node; 10 nodes of this many rows make a runContext of 20 KiB. */
    private static final int OUTPUT_ROWS_PER_NODE = 10;

    /** One run: its workflow, how long after creation it ends, and how. */
    record Plan(String workflowUuid, Duration runFor, String terminalStatus) {}

    private final List<Plan> plans;

    private BenchmarkWorkload(List<Plan> plans) {
        this.plans = plans;
    }

    static BenchmarkWorkload of(long seed, int runs, Duration shortest, Duration longest) {
        Random random = new Random(seed);
        long span = longest.toMillis() - shortest.toMillis();
        List<Duration> durations = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            durations.add(Duration.ofMillis(shortest.toMillis() + Math.round(span * (i + 0.5) / runs)));
        }
        Collections.shuffle(durations, random);
        List<Plan> plans = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            // A random version-4 UUID from the seed: the same in both processes, distinct between phases.
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            plans.add(new Plan(new UUID(high, low).toString(), durations.get(i), i % 10 == 9 ? "error" : "success"));
        }
        return new BenchmarkWorkload(List.copyOf(plans));
    }

    List<Plan> plans() {
        return plans;
    }

    int size() {
        return plans.size();
    }

    /**
     * The timed script of one run: {@code running} from creation with all ten executions listed, one more
     * finishing every tenth of the run's time, then the terminal status with the error (if any) and a
     * runContext of about 20 KiB.
     */
    static RunScript script(Plan plan) {
        RunScript.Timeline timeline = RunScript.timeline();
        for (int done = 0; done < EXECUTIONS; done++) {
            timeline.at(plan.runFor().multipliedBy(done).dividedBy(EXECUTIONS), "running", executions(done, null));
        }
        timeline.at(plan.runFor(), plan.terminalStatus(), executions(EXECUTIONS, plan.terminalStatus()));
        if (plan.terminalStatus().equals("error")) {
            timeline.errorMessage("Node step-10 failed: the enrichment provider answered HTTP 429.");
        }
        return timeline.output(output()).build();
    }

    private static SimExecution[] executions(int done, String terminalStatus) {
        SimExecution[] executions = new SimExecution[EXECUTIONS];
        for (int k = 0; k < EXECUTIONS; k++) {
            String slug = "step-" + (k + 1);
            String status = k < done ? "success" : k == done ? "running" : "pending";
            String error = null;
            if (k == EXECUTIONS - 1 && "error".equals(terminalStatus)) {
                status = "error";
                error = "The enrichment provider answered HTTP 429.";
            }
            SimExecution execution = new SimExecution(slug, "Step " + (k + 1) + " of " + EXECUTIONS + ": enrich the record",
                    status, k < done ? 0.5 : 0, error);
            executions[k] = k % 2 == 0 ? execution : execution.withNode(SimNode.connector("clearbit", "enrich-company"));
        }
        return executions;
    }

    /** Each node's output: rows of made-up company records. */
    static Map<String, Object> output() {
        Map<String, Object> context = new LinkedHashMap<>();
        for (int k = 1; k <= EXECUTIONS; k++) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int r = 0; r < OUTPUT_ROWS_PER_NODE; r++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", k * 1000 + r);
                row.put("company", String.format(Locale.ROOT, "Example Company %04d", k * 1000 + r));
                row.put("domain", String.format(Locale.ROOT, "company-%04d.example.com", k * 1000 + r));
                row.put("employees", 10 + (k * 37 + r * 11) % 5000);
                row.put("score", (k * 7 + r) % 100 / 100.0);
                row.put("summary", "A made-up company record, as produced by step " + k + " of the benchmark's workflow run.");
                rows.add(row);
            }
            context.put("step-" + k, Map.of("rows", rows));
        }
        return context;
    }
}
