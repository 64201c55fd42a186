package io.jenkins.plugins.cargo.run;

/** What a watch tells the outside while it runs: lines for the build log and states to persist. */
public interface RunEvents {
    /** A line for the build log; never holds the token or the run's data. */
    void log(String line);

    /**
     * The state changed in a way that matters after a restart (the run was created, a progress line was
     * printed, a cancel was asked for). Persist this snapshot to resume from it.
     *
     * <p>Called while the watch holds its lock, so that snapshots arrive in the order they were taken:
     * hand the snapshot over and return; do not block or call back into the watch.
     */
    default void stateChanged(WatchState snapshot) {}
}
