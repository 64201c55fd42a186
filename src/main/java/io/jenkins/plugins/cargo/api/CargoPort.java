package io.jenkins.plugins.cargo.api;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The four things a run watch asks of Cargo, each answered later through a future: nothing here blocks
 * the caller's thread. {@link CargoClient} is the real implementation; the watch's tests use an
 * in-memory fake.
 *
 * <p>Futures fail with a {@link CargoException}. Cancelling a future of {@link #getRun} or
 * {@link #cancelRun} calls off the HTTP exchange under way; a create is never called off once sent.
 */
public interface CargoPort {
    /**
     * Creates a run. Sent at most once unless no byte of it was sent; when its answer is lost after
     * sending, the run is looked up in the workflow's runs instead of being created again.
     *
     * <p>Fails with {@link CargoOutcomeUnknownException} when a run may have been made but cannot be
     * identified, with {@link CargoTransientException} (HTTP 429, no reason) or
     * {@link CargoRejectedException} (reason {@code concurrencyLimitReached}) when Cargo made no run for
     * lack of capacity: those two may be sent again.
     */
    CompletableFuture<CargoRun> createRun(CreateRunRequest request);

    /**
     * Reads a run, in one attempt: the watch decides when to try again. The run's output
     * ({@code runContext}) is kept only once the run has finished, so waiting runs hold little.
     */
    CompletableFuture<CargoRun> getRun(String runUuid);

    /** Asks Cargo to cancel one run, named by its uuid. */
    CompletableFuture<Void> cancelRun(String workflowUuid, String runUuid);

    /**
     * Finds the run a create made when the process restarted while the create was under way: the one
     * run of the workflow created between {@code attemptStarted} and the longest the create could have
     * lasted. Fails with {@link CargoOutcomeUnknownException} when none, or more than one, is found.
     *
     * @param lost how the answer was lost, for the message
     */
    CompletableFuture<CargoRun> findCreatedRun(String workflowUuid, String releaseUuid, Instant attemptStarted, String lost);

    /**
     * The release a create would run: the pinned one, or the workflow's deployed release. Read once a
     * minute at most per API URL, token and release, however many builds ask. Fails with a
     * {@link CargoNotFoundException} of reason {@code releaseNotFound} when the workflow has no deployed
     * release.
     */
    CompletableFuture<CargoRelease> releaseToRun(String workflowUuid, String releaseUuid);

    /** Cargo's trace of a run: its status (with {@code degraded}) and the credits of its child runs too. */
    CompletableFuture<CargoTrace> getTrace(String traceUuid);

    /** The token's workspace, with its concurrent-run limit. */
    CompletableFuture<CargoWorkspace> getWorkspace();

    /** The credits the token's workspace has left; fails with a 403 when the token may not read billing. */
    CompletableFuture<CargoCredits> getCredits();

    /** The same port, telling {@code listener} when it retries or recovers a lost create. */
    CargoPort withListener(ClientListener listener);
}
