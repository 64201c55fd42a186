package io.jenkins.plugins.cargo.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test moves it. Given to {@link CargoSimulator.Builder#clock(Clock)}, it
 * lets timed scripts that last seconds or minutes be stepped through without waiting; request threads
 * read it while the test advances it, hence the atomic reference.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Starts at the current system time, so timestamps still look like today's. */
    public ManualClock() {
        this(Instant.now());
    }

    /** Moves the clock on; a negative duration is refused, as time in the simulator never runs back. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock does not go back: " + by);
        }
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The zone plays no part in the simulator, which only ever reads instants. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
