package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final CargoException TRANSIENT =
            new CargoTransientException("x", 503, null, null, null, true, null);

    private final RetryPolicy policy =
            RetryPolicy.of(6, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5));

    @Test
    void delaysDoubleUpToTheCapWithHalfOfEachStepRandom() {
        RetryPolicy lowest = policy.withRandom(() -> 0.0);
        RetryPolicy highest = policy.withRandom(() -> 0.999999);
        long[] steps = {1000, 2000, 4000, 8000, 8000};
        for (int attempt = 1; attempt <= steps.length; attempt++) {
            assertEquals(steps[attempt - 1] / 2, lowest.backoff(attempt).toMillis(), "attempt " + attempt);
            assertEquals(steps[attempt - 1] - 1, highest.backoff(attempt).toMillis(), "attempt " + attempt);
        }
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertTrue(policy.nextDelay(5, TRANSIENT, Duration.ZERO).isPresent());
        assertEquals(Optional.empty(), policy.nextDelay(6, TRANSIENT, Duration.ZERO));
    }

    @Test
    void givesUpWhenTheNextWaitWouldPassTheBudget() {
        RetryPolicy fixed = policy.withRandom(() -> 0.0);
        assertTrue(fixed.nextDelay(1, TRANSIENT, Duration.ofSeconds(299)).isPresent());
        assertEquals(Optional.empty(), fixed.nextDelay(1, TRANSIENT, Duration.ofMillis(299_600)));
    }

    @Test
    void retryAfterFromCargoWinsOverBackoffWithinTheFirstAndLongestDelay() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), policy.nextDelay(1, limitedFor(5), Duration.ZERO));
        assertEquals(Optional.of(Duration.ofSeconds(8)), policy.nextDelay(1, limitedFor(20), Duration.ZERO));
        assertEquals(Optional.of(Duration.ofSeconds(1)), policy.nextDelay(1, limitedFor(0), Duration.ZERO));
    }

    private static CargoException limitedFor(long seconds) {
        return new CargoTransientException("x", 429, null, null, Duration.ofSeconds(seconds), true, null);
    }

    @Test
    void failuresThatCannotPassAreNeverRetried() {
        CargoException auth = new CargoAuthenticationException("no", 401, null, null);
        assertEquals(Optional.empty(), policy.nextDelay(1, auth, Duration.ZERO));
        assertEquals(Optional.empty(), RetryPolicy.none().nextDelay(1, TRANSIENT, Duration.ZERO));
    }
}
