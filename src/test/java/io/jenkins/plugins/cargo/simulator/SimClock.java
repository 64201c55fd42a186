package io.jenkins.plugins.cargo.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One simulator's notion of now: the system clock, or a test's {@link ManualClock} so that runs lasting
 * minutes can be followed in an instant. Truncated to milliseconds because that is what the JSON
 * carries: a createdAt a client reads back must compare equal to the one the simulator filters lists with.
 */
final class SimClock {

    private final Clock clock;

    SimClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
