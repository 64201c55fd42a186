package io.jenkins.plugins.cargo.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;

/**
 * How long every response is held before its status line: a fixed part plus a uniformly random part
 * up to {@code jitter}, as a network and a busy service add.
 */
record Latency(Duration fixed, Duration jitter) {

    static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

    Latency {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(jitter, "jitter");
        if (fixed.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + fixed + " + " + jitter);
        }
    }

    /** The delay for a draw {@code random} in [0, 1). */
    long delayNanos(double random) {
        return fixed.toNanos() + (long) (random * jitter.toNanos());
    }

    /**
     * The response held for one draw of this latency on top of any hold it already has (a fault's
     * delay). mockwebserver3 waits on the connection's own thread, so other connections are not held.
     */
    MockResponse applyTo(MockResponse response) {
        if (this.equals(NONE)) {
            return response;
        }
        long delay = response.getHeadersDelayNanos() + delayNanos(ThreadLocalRandom.current().nextDouble());
        return response.newBuilder().headersDelay(delay, TimeUnit.NANOSECONDS).build();
    }
}
