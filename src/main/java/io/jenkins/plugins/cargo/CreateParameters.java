package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** What to run and how to wait for it, as a user wrote it: the parameters of {@code cargoRun} and of the build step. */
public interface CreateParameters extends WaitParameters {
    @CheckForNull
    String getWorkflowUuid();

    /** A map, list, JSON text, number or boolean. */
    @CheckForNull
    Object getData();

    /** Blank runs the deployed release. */
    @CheckForNull
    String getReleaseUuid();

    boolean isWait();

    boolean isWaitForCapacity();

    /** Whether data is checked against the input form of the release to run before the create (the default). */
    boolean isValidateData();
}
