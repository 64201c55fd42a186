package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.api.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A scheduler and clock for the glue's tests: time moves only in {@link #advance}, and due tasks run on
 * the test's thread in the order they are due, so a watch's minutes pass in no time.
 */
final class ManualTime implements Scheduler {
    private final class Entry {
        final Instant due;
        final long order;
        final Runnable task;
        boolean cancelled;

        Entry(Instant due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private Instant now;
    private long order;

    ManualTime(Instant start) {
        this.now = start;
    }

    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    Instant now() {
        return now;
    }

    @Override
    public synchronized Task schedule(Runnable task, Duration delay) {
        Entry entry = new Entry(now.plus(delay), order++, task);
        entries.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Runs what is due now, including what those tasks schedule for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock by {@code duration}, running each task at its time. */
    void advance(Duration duration) {
        Instant end = now.plus(duration);
        for (Entry next = nextDue(end); next != null; next = nextDue(end)) {
            if (next.due.isAfter(now)) {
                now = next.due;
            }
            next.task.run();
        }
        now = end;
    }

    /** Moves the clock a second at a time until {@code future} is done, at most {@code limit}. */
    void advanceUntilDone(Future<?> future, Duration limit) {
        Instant end = now.plus(limit);
        runDue();
        while (!future.isDone() && now.isBefore(end)) {
            advance(Duration.ofSeconds(1));
        }
        if (!future.isDone()) {
            throw new AssertionError("not done after " + limit);
        }
    }

    private synchronized Entry nextDue(Instant end) {
        Entry best = null;
        for (Entry entry : entries) {
            if (!entry.due.isAfter(end)
                    && (best == null || entry.due.isBefore(best.due) || (entry.due.equals(best.due) && entry.order < best.order))) {
                best = entry;
            }
        }
        if (best != null) {
            entries.remove(best);
            if (best.cancelled) {
                return nextDue(end);
            }
        }
        return best;
    }
}
