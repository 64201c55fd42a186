package io.jenkins.plugins.cargo.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import io.jenkins.plugins.cargo.api.Scheduler;

/**
 * A scheduler and clock whose time moves only when a test says so. Scheduled tasks run on the test's
 * thread, in due order, so hour-long waits, timeouts and backoff run in milliseconds and always the same way.
 * Shared by the core's and the glue's tests.
 */
public final class VirtualTime implements Scheduler {
    private record Entry(Instant due, long order, Runnable task, boolean[] cancelled) {}

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.due.equals(b.due)
            ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
    private volatile Instant now;
    private long order;

    public VirtualTime(Instant start) {
        this.now = start;
    }

    public VirtualTime() {
        this(Instant.now());
    }

    public Clock clock() {
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

    public Instant now() {
        return now;
    }

    @Override
    public synchronized Task schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        queue.add(new Entry(now.plus(delay), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs what is due now, including what those tasks schedule for now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Runs every task due within {@code duration}, moving the clock to each one's time, then to the end. */
    public void advance(Duration duration) {
        Instant end = now.plus(duration);
        for (Entry next = poll(end); next != null; next = poll(end)) {
            now = next.due;
            next.task.run();
        }
        now = end;
    }

    /** Runs tasks in order until the future is done, or fails when no task is left or the limit passes. */
    public void runUntilDone(Future<?> future, Duration limit) {
        Instant end = now.plus(limit);
        while (!future.isDone()) {
            Entry next = poll(end);
            if (next == null) {
                throw new AssertionError("nothing left to run before " + end + ", and the wait has not ended");
            }
            now = next.due;
            next.task.run();
        }
    }

    /** How many tasks are waiting to run. */
    public synchronized long scheduled() {
        return queue.stream().filter(e -> !e.cancelled[0]).count();
    }

    private synchronized Entry poll(Instant end) {
        while (!queue.isEmpty()) {
            Entry head = queue.peek();
            if (head.cancelled[0]) {
                queue.poll();
                continue;
            }
            return head.due.isAfter(end) ? null : queue.poll();
        }
        return null;
    }
}
