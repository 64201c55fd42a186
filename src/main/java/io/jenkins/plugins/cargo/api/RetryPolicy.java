package io.jenkins.plugins.cargo.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed request again: exponential backoff with jitter, {@code Retry-After} honoured,
 * within a number of attempts and a total time budget.
 *
 * <p>The policy only decides; it never sleeps. The client and the run watch schedule the next attempt.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration budget;
    private final DoubleSupplier random;

    private RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration budget, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.initialDelay = Objects.requireNonNull(initialDelay);
        this.maxDelay = Objects.requireNonNull(maxDelay);
        this.budget = Objects.requireNonNull(budget);
        this.random = Objects.requireNonNull(random);
    }

    /** Up to 5 attempts, 1 s growing to 30 s between them, at most 2 minutes in all. */
    public static RetryPolicy defaults() {
        return of(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return of(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    public static RetryPolicy of(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration budget) {
        return new RetryPolicy(
                maxAttempts, initialDelay, maxDelay, budget, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The same policy with a given source of jitter in [0, 1); for deterministic tests. */
    public RetryPolicy withRandom(DoubleSupplier source) {
        return new RetryPolicy(maxAttempts, initialDelay, maxDelay, budget, source);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration budget() {
        return budget;
    }

    /**
     * How long to wait before trying again, or empty to give up.
     *
     * @param failedAttempts how many attempts have failed so far, this one included (1 after the first)
     * @param failure the last failure
     * @param elapsed time spent since the first attempt started
     */
    public Optional<Duration> nextDelay(int failedAttempts, CargoException failure, Duration elapsed) {
        if (!failure.isRetryable() || failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = delayFor(failedAttempts, failure);
        if (elapsed.plus(delay).compareTo(budget) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /**
     * The delay before trying again after {@code failedAttempts} failures, whatever the failure: Cargo's
     * {@code Retry-After} within this policy's bounds, else the backoff. For callers that decided
     * themselves that trying again is safe, such as a create Cargo refused for lack of capacity.
     */
    public Duration delayFor(int failedAttempts, CargoException failure) {
        return retryAfterOf(failure).map(this::clamp).orElseGet(() -> backoff(failedAttempts));
    }

    /**
     * Cargo's own Retry-After wins over our backoff, as it knows when it will take requests again; but
     * never less than the first delay (a "0" or a date already past must not make a tight loop) and never
     * more than the longest delay (a long one is checked again rather than waited out blindly).
     */
    private static Optional<Duration> retryAfterOf(CargoException failure) {
        return failure instanceof CargoTransientException t ? Optional.ofNullable(t.retryAfter()) : Optional.empty();
    }

    private Duration clamp(Duration retryAfter) {
        if (retryAfter.compareTo(initialDelay) < 0) {
            return initialDelay;
        }
        return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }

    /**
     * Exponential backoff with "equal jitter": half of the step is fixed, half random, so parallel
     * builds hit by the same outage do not come back in lockstep.
     */
    Duration backoff(int failedAttempts) {
        long step = initialDelay.toMillis();
        for (int i = 1; i < failedAttempts && step < maxDelay.toMillis(); i++) {
            step *= 2;
        }
        step = Math.min(step, maxDelay.toMillis());
        long half = step / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (step - half)));
    }

    @Override
    public String toString() {
        return "RetryPolicy[" + maxAttempts + " attempts, " + initialDelay + ".." + maxDelay + ", budget " + budget + "]";
    }
}
