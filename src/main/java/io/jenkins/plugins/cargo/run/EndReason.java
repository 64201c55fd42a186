package io.jenkins.plugins.cargo.run;

/** Why following a run ended. */
public enum EndReason {
    /** The run reached a terminal status on its own. */
    FINISHED,
    /** The caller asked not to wait: the outcome describes the run just after it was created. */
    NOT_WAITED,
    /** The wait's timeout passed (the run was cancelled if so configured). */
    TIMED_OUT,
    /** The build was aborted; the run was asked to cancel. */
    ABORTED
}
