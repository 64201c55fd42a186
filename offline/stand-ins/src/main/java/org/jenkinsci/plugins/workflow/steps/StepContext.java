/*
 * Compile-only stand-in. Declarations checked against jenkinsci/workflow-step-api-plugin 0773c3c68734763741f08807407123c17a546ea2
 * src/main/java/org/jenkinsci/plugins/workflow/steps/StepContext.java.
 * That is master of 2025-11-17 (build 716), the closest source that could be read: the BOM's
 * 724.v538c2362b_dfb_ is 8 commits later, and no later change seen touches these declarations.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract void onSuccess(@Nullable Object result);

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();

    public abstract void setResult(Result r);

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    public boolean hasBody() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract boolean equals(Object o);

    public abstract int hashCode();
}
