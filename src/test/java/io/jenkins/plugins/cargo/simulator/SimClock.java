package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The simulator's notion of now. Truncated to milliseconds because that is what the JSON carries: a
 * createdAt a client reads back must compare equal to the one the simulator filters lists with.
 */
final class SimClock {

    private SimClock() {}

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
