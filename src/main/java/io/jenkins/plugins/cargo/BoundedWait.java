package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits a bounded time for an answer of Cargo, on a thread that may block only briefly: a request thread
 * of the web server answering a form (Test connection, a drop-down, a check). The client itself is
 * asynchronous; this is the one place the forms block on it. An answer that comes too late is called
 * off, so nothing is left waiting for it.
 */
final class BoundedWait {
    /** How the wait ended. */
    enum Kind {
        ANSWERED,
        FAILED,
        TIMED_OUT,
        INTERRUPTED
    }

    /**
     * What the wait got.
     *
     * @param value the answer, when {@link Kind#ANSWERED}
     * @param failure why there is none, when {@link Kind#FAILED}: the client's exception, whose message never
     *     holds the token
     */
    record Awaited<T>(Kind kind, @CheckForNull T value, @CheckForNull Throwable failure) {
        boolean answered() {
            return kind == Kind.ANSWERED;
        }

        /** Why there is no answer, for the form; the client's messages never hold the token. */
        String problem() {
            Throwable cause = failure;
            return switch (kind) {
                case ANSWERED -> "";
                case TIMED_OUT -> Messages.BoundedWait_NoAnswerInTime();
                case INTERRUPTED -> Messages.BoundedWait_Interrupted();
                case FAILED -> cause == null ? "" : String.valueOf(cause.getMessage());
            };
        }
    }

    private BoundedWait() {}

    /**
     * Waits at most {@code longest} for {@code answer}; calls it off when the time is up or the thread is
     * interrupted (the interrupt is kept). The future must be the caller's own to call off.
     */
    static <T> Awaited<T> await(CompletableFuture<T> answer, Duration longest) {
        try {
            T value = answer.get(Math.max(1, longest.toMillis()), TimeUnit.MILLISECONDS);
            return new Awaited<>(Kind.ANSWERED, value, null);
        } catch (ExecutionException e) {
            return new Awaited<>(Kind.FAILED, null, e.getCause() == null ? e : e.getCause());
        } catch (CancellationException e) {
            return new Awaited<>(Kind.FAILED, null, e);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Awaited<>(Kind.TIMED_OUT, null, null);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Awaited<>(Kind.INTERRUPTED, null, null);
        }
    }

    /** The time left until {@code deadline} (a {@link System#nanoTime()} value), never negative. */
    static Duration until(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
