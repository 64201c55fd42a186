package io.jenkins.plugins.cargo.run;

import io.jenkins.plugins.cargo.api.Scheduler;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs one watch's events one at a time, in the order they arrive, on the shared scheduler's threads.
 * Whatever thread an event comes from (a timer, an HTTP answer, an abort from Jenkins, a finished save),
 * its handler never runs at the same time as another handler of the same watch, so the watch needs no
 * locks. Many watches share the scheduler's few threads; none holds a thread between events.
 */
final class SerialExecutor implements Executor {
    private final Scheduler scheduler;
    private final Consumer<Throwable> onBrokenHandler;
    private final Queue<Runnable> events = new ConcurrentLinkedQueue<>();
    /** True while a drain is scheduled or running: then a new event only joins the queue. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean refusing;

    /**
     * @param onBrokenHandler told of a handler that threw, so the watch can end instead of hanging; it
     *     runs in the serial order like any event
     */
    SerialExecutor(Scheduler scheduler, Consumer<Throwable> onBrokenHandler) {
        this.scheduler = scheduler;
        this.onBrokenHandler = onBrokenHandler;
    }

    /**
     * Queues an event. When the scheduler refuses work (the controller is shutting down), the event is
     * dropped: the watch then stays as it was last saved, to be resumed after the restart.
     */
    @Override
    public void execute(Runnable event) {
        events.add(event);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::drain, Duration.ZERO);
            } catch (RejectedExecutionException shuttingDown) {
                refusing = true;
                draining.set(false);
                events.clear();
            }
        }
    }

    /** Whether the scheduler refused this executor's work: the controller is shutting down. */
    boolean refusing() {
        return refusing;
    }

    private void drain() {
        Runnable event;
        while ((event = events.poll()) != null) {
            try {
                event.run();
            } catch (RuntimeException | Error broken) {
                onBrokenHandler.accept(broken);
            }
        }
        draining.set(false);
        // An event that arrived between the last poll and the reset above must not wait for the next one.
        if (!events.isEmpty()) {
            scheduleDrain();
        }
    }
}
