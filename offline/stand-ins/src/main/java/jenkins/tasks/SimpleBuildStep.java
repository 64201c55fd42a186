/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/jenkins/tasks/SimpleBuildStep.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;
import java.util.Collection;

public interface SimpleBuildStep extends BuildStep {

    default void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    default boolean requiresWorkspace() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    interface LastBuildAction extends Action {

        Collection<? extends Action> getProjectActions();
    }
}
