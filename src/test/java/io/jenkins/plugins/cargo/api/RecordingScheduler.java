package io.jenkins.plugins.cargo.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scheduler that runs each task at once, on the caller's thread, and remembers the delay it was given:
 * the client's retries take no time, and their backoff can be asserted.
 */
final class RecordingScheduler implements Scheduler {
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public Task schedule(Runnable task, Duration delay) {
        if (!delay.isZero()) {
            waits.add(delay);
        }
        task.run();
        return () -> {};
    }
}
