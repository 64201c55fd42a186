/*
 * Compile-only stand-in. Declarations checked against jenkinsci/workflow-step-api-plugin 0773c3c68734763741f08807407123c17a546ea2
 * src/main/java/org/jenkinsci/plugins/workflow/steps/FlowInterruptedException.java.
 * That is master of 2025-11-17 (build 716), the closest source that could be read: the BOM's
 * 724.v538c2362b_dfb_ is 8 commits later, and no later change seen touches these declarations.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.List;
import jenkins.model.CauseOfInterruption;

public final class FlowInterruptedException extends InterruptedException {

    @Deprecated public FlowInterruptedException(@NonNull Result result, @NonNull CauseOfInterruption... causes) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public FlowInterruptedException(@NonNull Result result, boolean actualInterruption, @NonNull CauseOfInterruption... causes) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public Result getResult() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public List<CauseOfInterruption> getCauses() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isActualInterruption() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void setActualInterruption(boolean actualInterruption) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void handle(Run<?, ?> run, TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
