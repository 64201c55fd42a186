package io.jenkins.plugins.cargo.simulator;

import java.util.List;
import java.util.Objects;

/** What one GET of a scripted run shows: the run status and its executions at that moment. */
record RunStep(String status, List<SimExecution> executions) {

    RunStep {
        Objects.requireNonNull(status, "status");
        executions = List.copyOf(executions);
    }

    static RunStep of(String status) {
        return new RunStep(status, List.of());
    }
}
