package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.run.WatchHost;
import io.jenkins.plugins.cargo.run.WatchState;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A build as the core's watch sees it: its console, and its {@link CargoRunAction} as the durable home of
 * the watch's state.
 *
 * <p>A save runs on the writer (never on the caller's thread: the watch calls it from its events, and
 * the write, {@code run.save()}, blocks), stores the state, and completes once the store returned, that
 * is once {@code build.xml} holds it. Then, for a Pipeline, the step's program state is saved too
 * ({@code StepContext.saveState()}), which costs little and can no longer hold the state up.
 */
final class BuildWatchHost implements WatchHost {
    private static final Logger LOGGER = Logger.getLogger(BuildWatchHost.class.getName());

    /** Stores the state durably, such as in the build's action followed by {@code run.save()}. */
    @FunctionalInterface
    interface StateStore {
        void store(WatchState state) throws IOException;
    }

    private final Consumer<String> console;
    private final Executor writer;
    private final StateStore store;
    private final Runnable afterStore;

    /**
     * @param console prints a line to the build's console
     * @param writer runs the stores, one at a time and in order
     * @param afterStore runs after each successful store; its failure is only logged
     */
    BuildWatchHost(Consumer<String> console, Executor writer, StateStore store, Runnable afterStore) {
        this.console = console;
        this.writer = writer;
        this.store = store;
        this.afterStore = afterStore;
    }

    @Override
    public void log(String line) {
        console.accept(line);
    }

    @Override
    public CompletionStage<Void> save(WatchState state) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        try {
            writer.execute(() -> write(state, durable));
        } catch (RejectedExecutionException e) {
            // The controller is shutting down: not durable, and the watch is about to stop anyway.
            durable.completeExceptionally(e);
        }
        return durable;
    }

    private void write(WatchState state, CompletableFuture<Void> durable) {
        try {
            store.store(state);
        } catch (IOException | RuntimeException | LinkageError e) {
            // Never left open: the watch waits for it before it creates anything.
            durable.completeExceptionally(e);
            return;
        }
        durable.complete(null);
        try {
            afterStore.run();
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not save the Pipeline step's state after the Cargo run's state", e);
        }
    }
}
