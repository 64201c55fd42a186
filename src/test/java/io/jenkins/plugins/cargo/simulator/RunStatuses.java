package io.jenkins.plugins.cargo.simulator;

import java.util.Set;

/** Which run and execution statuses mean "nothing further will happen". */
final class RunStatuses {

    static final String CANCELLING = "cancelling";
    static final String CANCELLED = "cancelled";

    // success/error/cancelled are the documented ends; skipped is treated as one too (cargo-api.md
    // section 3). Anything else, including made-up statuses, keeps the run alive.
    private static final Set<String> TERMINAL = Set.of("success", "error", CANCELLED, "skipped");

    private RunStatuses() {}

    static boolean isTerminal(String status) {
        return TERMINAL.contains(status);
    }
}
