package io.jenkins.plugins.cargo.api;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. Waits and retries are chains of such tasks, so no thread sleeps or blocks
 * between polls and thousands of waits share a few threads. Tests use a virtual-time implementation.
 */
@FunctionalInterface
public interface Scheduler {
    /** A scheduled task that may still be called off. */
    @FunctionalInterface
    interface Task {
        void cancel();
    }

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the scheduler is shutting down
     */
    Task schedule(Runnable task, Duration delay);

    /** A scheduler over an executor, such as a small plugin-owned pool. */
    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        };
    }
}
