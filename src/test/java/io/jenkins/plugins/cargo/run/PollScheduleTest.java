package io.jenkins.plugins.cargo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Duration FIVE = Duration.ofSeconds(5);

    @Test
    void theConfiguredIntervalHoldsForTheFirstMinutes() {
        assertEquals(FIVE, PollSchedule.nextInterval(FIVE, FIVE, Duration.ofSeconds(119)));
    }

    @Test
    void laterIntervalsGrowByHalfUpToThirtySeconds() {
        Duration interval = FIVE;
        long[] expected = {7500, 11250, 16875, 25312, 30000, 30000};
        for (long millis : expected) {
            interval = PollSchedule.nextInterval(FIVE, interval, Duration.ofMinutes(3));
            assertEquals(millis, interval.toMillis());
        }
    }

    @Test
    void anIntervalLongerThanThirtySecondsIsKept() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(minute, PollSchedule.nextInterval(minute, minute, Duration.ofMinutes(30)));
    }

    @Test
    void jitterOnlyShortensTheDelay() {
        assertEquals(4000, PollSchedule.jittered(FIVE, 0.0).toMillis());
        assertEquals(5000, PollSchedule.jittered(FIVE, 1.0).toMillis());
    }
}
