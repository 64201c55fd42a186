package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.RunStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what is seen of a run into the lines a person wants in the build log: each status change once,
 * each execution once as it finishes, a hint when the run stays pending, and a summary at the end. It
 * remembers what it printed in the {@link WatchState}, so a resumed wait prints nothing twice. It never
 * prints the run's data, its output, the token or any header.
 */
final class ProgressReporter {
    static final Duration PENDING_WARNING_AFTER = Duration.ofSeconds(60);
    private static final int MAX_TEXT = 200;

    private ProgressReporter() {}

    static String created(CargoRun run, boolean waiting) {
        return "Cargo run " + run.uuid() + " created for workflow " + run.workflowUuid()
                + (run.releaseUuid() == null ? "" : " (release " + run.releaseUuid() + ")")
                + "; status " + run.status() + (waiting ? "." : ". Not waiting for it to finish.");
    }

    /** The lines a newly seen state of the run adds; updates what the state remembers as printed. */
    static List<String> progress(WatchState state, CargoRun run, Duration waited) {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> passes = new HashMap<>();
        for (CargoExecution execution : run.executions()) {
            String node = execution.nodeUuid() != null ? execution.nodeUuid() : String.valueOf(execution.nodeSlug());
            // A node in a loop runs once per item: each pass is a line, told apart by Cargo's child index,
            // or else by how many passes of the node came before it in the list.
            int pass = passes.getOrDefault(node, 0);
            passes.put(node, pass + 1);
            Integer childIndex = execution.nodeChildIndex();
            String key = node + "#" + (childIndex != null ? childIndex : pass);
            if (!execution.isFinished() || state.reportedExecutions.contains(key)) {
                continue;
            }
            if (state.reportedExecutions.size() >= WatchState.MAX_REPORTED_EXECUTIONS) {
                if (!state.executionsCapped) {
                    state.executionsCapped = true;
                    lines.add("  (" + WatchState.MAX_REPORTED_EXECUTIONS + " executions listed; further ones are not"
                            + " printed, see the run in Cargo.)");
                }
                continue;
            }
            state.reportedExecutions.add(key);
            lines.add(execution(execution));
        }
        String status = run.status().value();
        if (!status.equals(state.lastStatus) && !run.isTerminal()) {
            lines.add("Cargo run " + run.uuid() + " is " + status
                    + (run.status().isKnown() ? "." : " (a status this plugin does not know; still waiting)."));
        }
        state.lastStatus = status;
        boolean waitingToStart = RunStatus.PENDING.equals(run.status()) || RunStatus.IDLE.equals(run.status());
        if (waitingToStart && !state.pendingWarned && waited.compareTo(PENDING_WARNING_AFTER) >= 0) {
            state.pendingWarned = true;
            lines.add("Warning: Cargo run " + run.uuid() + " has been " + status + " for " + duration(waited)
                    + ". A run that does not start usually means the tool is disabled or has no deployed release;"
                    + " check the tool in Cargo.");
        }
        return lines;
    }

    private static String execution(CargoExecution execution) {
        StringBuilder line = new StringBuilder("  [").append(execution.status()).append("] ");
        line.append(execution.nodeSlug() == null ? "node" : execution.nodeSlug());
        String title = execution.title();
        if (title != null) {
            line.append(" (").append(clean(title)).append(')');
        }
        if (execution.creditsUsed().signum() != 0) {
            line.append(", ").append(credits(execution.creditsUsed())).append(" credits");
        }
        String error = execution.errorMessage();
        if (error != null) {
            line.append(": ").append(clean(error));
        }
        return line.toString();
    }

    /** The closing lines: how the run ended and what that means for the build. */
    static List<String> summary(RunOutcome outcome, CargoRun run) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("Cargo run ").append(outcome.runUuid());
        switch (outcome.endReason()) {
            case NOT_WAITED -> line.append(" started; status ").append(outcome.status());
            case TIMED_OUT -> line.append(" did not finish in time; last status ").append(outcome.status());
            case ABORTED -> line.append(" was stopped because the build was aborted; last status ").append(outcome.status());
            default -> line.append(" finished: ").append(outcome.status());
        }
        if (outcome.durationMillis() != null) {
            line.append(" after ").append(duration(Duration.ofMillis(outcome.durationMillis())));
        }
        if (!run.executions().isEmpty()) {
            line.append(", ").append(run.executions().size()).append(run.executions().size() == 1 ? " execution" : " executions");
        }
        if (outcome.creditsUsed().signum() != 0) {
            line.append(", ").append(credits(outcome.creditsUsed())).append(" credits");
        }
        lines.add(line.append('.').toString());
        if (outcome.errorMessage() != null) {
            lines.add("Cargo says: " + clean(outcome.errorMessage()));
        }
        if ("degraded".equals(outcome.traceStatus())) {
            lines.add("Cargo's trace of this run is degraded: a node failed and its fallback ran, so the run could"
                    + " still finish.");
        }
        if (outcome.failedNodeSlug() != null) {
            lines.add("Failing node: " + outcome.failedNodeSlug()
                    + (outcome.failedNodeTitle() == null ? "" : " (" + clean(outcome.failedNodeTitle()) + ")")
                    + (outcome.failedNodeIntegration() == null ? "" : " through the " + outcome.failedNodeIntegration()
                            + " integration")
                    + (outcome.failedNodeError() == null ? "" : ": " + clean(outcome.failedNodeError())));
        }
        if (outcome.childRunUuid() != null) {
            lines.add(outcome.childFailedNode() != null
                    ? "  It ran child run " + outcome.childRunUuid() + ", which failed at node " + outcome.childFailedNode()
                            + (outcome.childError() == null ? "." : ": " + clean(outcome.childError()))
                    : "  It ran child run " + outcome.childRunUuid() + "; look at that run in Cargo for why it failed.");
        }
        lines.add("Build result from Cargo run: " + outcome.result() + ".");
        return lines;
    }

    static String credits(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }

    /** "45 s", "3 min 5 s", "2 h 10 min". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }

    /** Cargo's texts on one line and of a readable length. */
    static String clean(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT) + "…";
    }
}
