package io.jenkins.plugins.cargo.run;

import java.time.Duration;

/**
 * When to poll next: at the configured interval for the first minutes, when most runs end and a quick
 * answer matters; then growing by half each time up to 30 s (or the configured interval, if longer), so
 * long runs cost few requests. Each actual delay is shortened by up to a fifth at random, so that
 * builds started together do not poll in lockstep, and never exceeds the interval it stands for.
 */
final class PollSchedule {
    static final Duration GROW_AFTER = Duration.ofMinutes(2);
    static final Duration LONG_RUN_INTERVAL = Duration.ofSeconds(30);

    private PollSchedule() {}

    /** The interval after {@code previous}, when the wait has lasted {@code waited}. */
    static Duration nextInterval(Duration base, Duration previous, Duration waited) {
        if (waited.compareTo(GROW_AFTER) < 0 || previous == null || previous.isZero()) {
            return base;
        }
        Duration cap = base.compareTo(LONG_RUN_INTERVAL) > 0 ? base : LONG_RUN_INTERVAL;
        Duration grown = Duration.ofMillis(previous.toMillis() * 3 / 2);
        return grown.compareTo(cap) > 0 ? cap : grown;
    }

    /** The delay actually used for an interval: between 80 % and 100 % of it. */
    static Duration jittered(Duration interval, double random) {
        return Duration.ofMillis((long) (interval.toMillis() * (0.8 + 0.2 * random)));
    }
}
