package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.OutcomeMapping;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.WaitPolicy;

/**
 * Turns the parameters of the steps and the build step into the core's {@link RunOptions} and
 * {@link WaitPolicy}. Every check is the core's, so an error names the parameter as the user wrote it
 * ({@code pollIntervalSeconds is 1; use a value from 2 to 600 seconds …}); only the result names are
 * checked here.
 */
final class StepOptions {
    /**
     * What a build uses when a step leaves the poll interval or the timeout out: the global configuration's
     * defaults.
     */
    record Defaults(int pollIntervalSeconds, int timeoutMinutes) {}

    private StepOptions() {}

    /**
     * The options of a run to create.
     *
     * @throws IllegalArgumentException naming the first bad parameter and the fix
     */
    static RunOptions runOptions(CreateParameters parameters, Defaults defaults) {
        RunOptions.Builder builder = RunOptions.builder(parameters.getWorkflowUuid(), parameters.getData())
                .releaseUuid(parameters.getReleaseUuid())
                .waitForRun(parameters.isWait())
                .waitForCapacity(parameters.isWaitForCapacity())
                .validateData(parameters.isValidateData());
        return waitOptions(builder, parameters, defaults).build();
    }

    /**
     * How to follow a run started earlier.
     *
     * @throws IllegalArgumentException naming the first bad parameter and the fix
     */
    static WaitPolicy waitPolicy(WaitParameters parameters, Defaults defaults) {
        return waitOptions(RunOptions.waitOptions(), parameters, defaults).buildWaitPolicy();
    }

    private static RunOptions.Builder waitOptions(RunOptions.Builder builder, WaitParameters parameters, Defaults defaults) {
        Integer poll = parameters.getPollIntervalSeconds();
        Integer timeout = parameters.getTimeoutMinutes();
        OutcomeMapping mapping = OutcomeMapping.defaults();
        return builder
                .pollIntervalSeconds(poll != null ? poll : defaults.pollIntervalSeconds())
                .timeoutMinutes(timeout != null ? timeout : defaults.timeoutMinutes())
                .cancelOnTimeout(parameters.isCancelOnTimeout())
                .resultOnError(result("resultOnError", parameters.getResultOnError(), mapping.onError()))
                .resultOnCancelled(result("resultOnCancelled", parameters.getResultOnCancelled(), mapping.onCancelled()))
                .resultOnSkipped(result("resultOnSkipped", parameters.getResultOnSkipped(), mapping.onSkipped()))
                .failOnExecutionError(parameters.isFailOnExecutionError())
                .unstableOnDegraded(parameters.isUnstableOnDegraded());
    }

    private static BuildResult result(String field, String value, BuildResult defaultResult) {
        return ResultNames.parse(field, value, defaultResult);
    }
}
