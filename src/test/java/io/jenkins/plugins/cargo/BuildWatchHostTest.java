package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.run.WatchState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The watch's host: lines to the console, saves on the writer, durable before the stage completes. */
class BuildWatchHostTest {
    private final List<Runnable> writer = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @Test
    void linesGoToTheConsole() {
        List<String> console = new ArrayList<>();
        new BuildWatchHost(console::add, writer::add, state -> {}, () -> {}).log("Cargo run X is running.");
        assertEquals(List.of("Cargo run X is running."), console);
    }

    @Test
    void aSaveRunsOnTheWriterAndCompletesOnceStoredThenSavesTheProgram() {
        WatchState state = someState();
        BuildWatchHost host = new BuildWatchHost(line -> {}, writer::add, saved -> {
            assertSame(state, saved);
            events.add("stored");
        }, () -> events.add("program saved"));

        CompletableFuture<Void> durable = host.save(state).toCompletableFuture();

        assertFalse(durable.isDone(), "nothing is written on the watch's thread");
        assertTrue(events.isEmpty());
        writer.remove(0).run();
        assertTrue(durable.isDone());
        durable.join();
        assertEquals(List.of("stored", "program saved"), events);
    }

    @Test
    void aFailedStoreIsNotDurable() {
        BuildWatchHost host = new BuildWatchHost(line -> {}, writer::add, saved -> {
            throw new IOException("disk full");
        }, () -> events.add("program saved"));

        CompletableFuture<Void> durable = host.save(someState()).toCompletableFuture();
        writer.remove(0).run();

        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, durable::join);
        assertEquals("disk full", failure.getCause().getMessage());
        assertTrue(events.isEmpty(), "the program is not saved after a failed store");
    }

    @Test
    void aFailingProgramSaveDoesNotUndoTheDurableState() {
        BuildWatchHost host = new BuildWatchHost(line -> {}, Runnable::run, saved -> {}, () -> {
            throw new IllegalStateException("already completed");
        });
        host.save(someState()).toCompletableFuture().join();
    }

    @Test
    void aWriterThatIsShuttingDownFailsTheSave() {
        BuildWatchHost host = new BuildWatchHost(line -> {}, task -> {
            throw new RejectedExecutionException("shutting down");
        }, saved -> {}, () -> {});
        CompletableFuture<Void> durable = host.save(someState()).toCompletableFuture();
        assertTrue(durable.isCompletedExceptionally());
    }

    private static WatchState someState() {
        WatchDriver driver = new WatchDriver();
        driver.outcome(true);
        return driver.lastSaved();
    }
}
