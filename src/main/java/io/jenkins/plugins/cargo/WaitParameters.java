package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * How to wait for a Cargo run and what its end makes of the build, as a user wrote it in a step or in
 * the freestyle build step: the getters are the parameters' names. Null or blank means "the default".
 * {@link StepOptions} checks the values and turns them into the core's options.
 */
public interface WaitParameters {
    /** Seconds between polls; null for the global default. */
    @CheckForNull
    Integer getPollIntervalSeconds();

    /** Minutes to wait in all, 0 for no limit; null for the global default. */
    @CheckForNull
    Integer getTimeoutMinutes();

    boolean isCancelOnTimeout();

    /** SUCCESS, UNSTABLE, FAILURE or ABORTED; blank for the default. */
    @CheckForNull
    String getResultOnError();

    @CheckForNull
    String getResultOnCancelled();

    @CheckForNull
    String getResultOnSkipped();

    boolean isFailOnExecutionError();

    /** Whether a successful run whose Cargo trace is degraded (a node failed, its fallback ran) makes the build UNSTABLE. */
    boolean isUnstableOnDegraded();
}
