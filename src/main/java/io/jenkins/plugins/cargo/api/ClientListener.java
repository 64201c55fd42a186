package io.jenkins.plugins.cargo.api;

import java.time.Duration;

/**
 * Hears what the client does on its own between the caller's request and its answer, so that a build
 * log can say why a call took longer than usual. Every method has an empty default.
 */
public interface ClientListener {
    ClientListener NONE = new ClientListener() {};

    /** A call failed in a way that may pass and will be tried again after {@code delay}. */
    default void retrying(String what, CargoException failure, int failedAttempts, Duration delay) {}

    /**
     * The answer to a create-run request was lost, and the run it made was found through the list of
     * runs. {@code lost} says how the answer was lost.
     */
    default void foundLostRun(CargoRun run, CargoException lost) {}
}
