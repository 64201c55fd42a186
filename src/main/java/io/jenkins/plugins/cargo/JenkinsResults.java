package io.jenkins.plugins.cargo;

import hudson.model.Result;
import io.jenkins.plugins.cargo.run.BuildResult;

/** The core's {@link BuildResult} as a Jenkins {@link Result}: one to one, by name. */
final class JenkinsResults {
    private JenkinsResults() {}

    static Result of(BuildResult result) {
        return switch (result) {
            case SUCCESS -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
            case ABORTED -> Result.ABORTED;
        };
    }
}
