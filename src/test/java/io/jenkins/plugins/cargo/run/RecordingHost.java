package io.jenkins.plugins.cargo.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every log line and every saved state, as the Jenkins glue would write and persist them. Saves
 * complete at once unless the test holds them, to see what the watch does before a state is durable.
 */
class RecordingHost implements WatchHost {
    final List<String> lines = new CopyOnWriteArrayList<>();
    /** Every state handed over, durable or not yet. */
    final List<WatchState> saved = new CopyOnWriteArrayList<>();
    /** Saves not completed yet, while held. */
    final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private boolean holdSaves;
    private RuntimeException failSaves;
    /** The most saves ever in flight at once. */
    int mostInFlight;

    @Override
    public void log(String line) {
        lines.add(line);
    }

    @Override
    public synchronized CompletionStage<Void> save(WatchState state) {
        saved.add(state);
        if (failSaves != null) {
            return CompletableFuture.failedFuture(failSaves);
        }
        if (!holdSaves) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> save = new CompletableFuture<>();
        pending.add(save);
        mostInFlight = Math.max(mostInFlight, (int) pending.stream().filter(f -> !f.isDone()).count());
        return save;
    }

    synchronized void holdSaves() {
        holdSaves = true;
    }

    synchronized void failSaves(RuntimeException failure) {
        failSaves = failure;
    }

    /** Completes the saves held so far, in order, and stops holding new ones. */
    synchronized void releaseSaves() {
        holdSaves = false;
        List<CompletableFuture<Void>> due = new ArrayList<>(pending);
        pending.clear();
        due.forEach(save -> save.complete(null));
    }

    String log() {
        return String.join("\n", lines);
    }

    long count(String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }

    WatchState lastSaved() {
        return saved.get(saved.size() - 1);
    }
}
