package io.jenkins.plugins.cargo.run;

/** What a watch tells the outside while it runs: lines for the build log and states to persist. */
public interface RunEvents {
    /** A line for the build log; never holds the token or the run's data. */
    void log(String line);

    /**
     * The state changed in a way that matters after a restart (the run was created, a progress line was
     * printed, a cancel was asked for). Persist this snapshot to resume from it.
     *
     * <p>Called from the scheduler's thread or from the thread that called {@link RunWatch#abort()},
     * holding no lock of the watch, so snapshots from two threads can arrive out of order: keep the one
     * with the highest {@link WatchState#sequence()}. Hand it over and return quickly.
     */
    default void stateChanged(WatchState snapshot) {}
}
