package io.jenkins.plugins.cargo.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Releases read lately, per API URL, token and release, for a minute: a hundred builds started together
 * read each form once. The read under way is shared too, so they do not all ask at the same moment. A
 * read that failed is not kept: the next build asks again.
 */
final class ReleaseCache {
    static final Duration KEEP = Duration.ofMinutes(1);
    /** Above this many entries, expired ones are swept out on the next read. */
    private static final int SWEEP_ABOVE = 256;

    /** Starts reading a release from Cargo. */
    @FunctionalInterface
    interface Read {
        CompletableFuture<CargoRelease> start();
    }

    private record Entry(CompletableFuture<CargoRelease> release, long expiresAt) {}

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ReleaseCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * The cached release for {@code key}, or the one {@code read} brings. Each caller gets its own
     * future, so one caller calling it off does not call it off for the others.
     */
    CompletableFuture<CargoRelease> get(String key, Read read) {
        long now = clock.millis();
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(entry -> entry.expiresAt <= now);
        }
        Entry entry = entries.compute(key, (k, old) -> old != null && old.expiresAt > now && !old.release.isCompletedExceptionally()
                ? old
                : new Entry(read.start(), now + KEEP.toMillis()));
        entry.release.whenComplete((release, failure) -> {
            if (failure != null) {
                entries.remove(key, entry);
            }
        });
        return entry.release.copy();
    }
}
