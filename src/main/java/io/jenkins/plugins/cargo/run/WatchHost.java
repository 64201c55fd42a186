package io.jenkins.plugins.cargo.run;

import java.util.concurrent.CompletionStage;

/**
 * What a watch needs from the build that owns it: a log, and a place to keep its state durably. In
 * Jenkins: the build's console, and the build's {@code CargoRunAction} written with {@code run.save()}.
 */
public interface WatchHost {
    /**
     * A line for the build log; never holds the token or the run's data. Called from the watch's
     * events, one at a time; it should return quickly.
     */
    void log(String line);

    /**
     * Persists a snapshot of the watch's state, and completes the returned stage once it is durable: it
     * would be found after a crash of the controller. The watch sends its create only after the save
     * that records "a create is about to be sent, at time T" has completed, so a crash can never leave a
     * run created that nobody knows to look for.
     *
     * <p>The watch calls it from its events, with at most one save in flight at a time and always the
     * newest state (saves asked for meanwhile are folded into one). Do the write off the caller's thread
     * if it blocks. A stage that completes exceptionally means the state may not be durable: before a
     * create, the watch then ends without creating anything.
     */
    CompletionStage<Void> save(WatchState state);
}
