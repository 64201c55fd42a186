/*
 * Compile-only stand-in. Declarations checked against jenkinsci/workflow-step-api-plugin 0773c3c68734763741f08807407123c17a546ea2
 * src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java.
 * That is master of 2025-11-17 (build 716), the closest source that could be read: the BOM's
 * 724.v538c2362b_dfb_ is 8 commits later, and no later change seen touches these declarations.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    protected StepExecution(@NonNull StepContext context) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void onResume() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public String getStatus() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
