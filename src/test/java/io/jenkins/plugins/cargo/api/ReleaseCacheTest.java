package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReleaseCacheTest {
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ReleaseCache cache = new ReleaseCache(clock);
    private final AtomicInteger reads = new AtomicInteger();
    private CompletableFuture<CargoRelease> answer = new CompletableFuture<>();

    private CompletableFuture<CargoRelease> read() {
        reads.incrementAndGet();
        return answer;
    }

    private static CargoRelease release() {
        return new CargoRelease("r1", "w1", "3", "deployed", null, null, List.of());
    }

    @Test
    void aHundredBuildsAskingTogetherReadTheFormOnce() {
        List<CompletableFuture<CargoRelease>> asked = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            asked.add(cache.get("key", this::read));
        }
        answer.complete(release());
        assertEquals(1, reads.get());
        asked.forEach(future -> assertEquals("r1", future.join().uuid()));
        cache.get("key", this::read);
        assertEquals(1, reads.get(), "and the next build within the minute reads nothing");
    }

    @Test
    void aReleaseIsKeptForAMinute() {
        answer.complete(release());
        cache.get("key", this::read);
        now = now.plus(Duration.ofSeconds(59));
        cache.get("key", this::read);
        assertEquals(1, reads.get());
        now = now.plus(Duration.ofSeconds(2));
        cache.get("key", this::read);
        assertEquals(2, reads.get());
    }

    @Test
    void aFailedReadIsNotKept() {
        answer.completeExceptionally(new CargoException("unreachable", 0, null, null));
        assertTrue(cache.get("key", this::read).isCompletedExceptionally());
        answer = CompletableFuture.completedFuture(release());
        assertEquals("r1", cache.get("key", this::read).join().uuid());
        assertEquals(2, reads.get());
    }

    @Test
    void otherKeysAreReadApartAndOneCallerCallingOffDoesNotCallItOffForOthers() {
        CompletableFuture<CargoRelease> first = cache.get("one token", this::read);
        CompletableFuture<CargoRelease> second = cache.get("one token", this::read);
        cache.get("other token", this::read);
        assertEquals(2, reads.get());
        first.cancel(true);
        answer.complete(release());
        assertFalse(second.isCompletedExceptionally());
        assertSame("r1", second.join().uuid());
    }
}
