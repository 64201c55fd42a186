/*
 * Compile-only stand-in. Declarations checked against jenkinsci/workflow-step-api-plugin 0773c3c68734763741f08807407123c17a546ea2
 * src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java.
 * That is master of 2025-11-17 (build 716), the closest source that could be read: the BOM's
 * 724.v538c2362b_dfb_ is 8 commits later, and no later change seen touches these declarations.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.util.Map;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static ExtensionList<StepDescriptor> all() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Nullable public static StepDescriptor byFunctionName(String name) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
