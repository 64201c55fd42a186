package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of {@code cargoRun} and {@code cargoWaitForRun} share: the context they need (the
 * build and its console, no {@code node}, no workspace) and the form endpoints of the fields they share.
 * The form logic and its permission checks are {@link CargoForms}'.
 */
public abstract class CargoStepDescriptor extends StepDescriptor {
    /** The build and its console only: the steps hold no executor and work outside {@code node}. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
            @QueryParameter @CheckForNull String credentialsId) {
        return CargoForms.fillCredentialsIdItems(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath @CheckForNull Item item,
            @QueryParameter @CheckForNull String value) {
        return CargoForms.checkCredentialsId(item, value);
    }

    @POST
    public FormValidation doCheckPollIntervalSeconds(@AncestorInPath @CheckForNull Item item,
            @QueryParameter @CheckForNull String value) {
        return CargoForms.checkPollIntervalSeconds(item, value);
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@AncestorInPath @CheckForNull Item item,
            @QueryParameter @CheckForNull String value) {
        return CargoForms.checkTimeoutMinutes(item, value);
    }

    @POST
    public ListBoxModel doFillResultOnErrorItems() {
        return resultItems();
    }

    @POST
    public ListBoxModel doFillResultOnCancelledItems() {
        return resultItems();
    }

    @POST
    public ListBoxModel doFillResultOnSkippedItems() {
        return resultItems();
    }

    /** The four build results, a fixed list that needs no permission. */
    static ListBoxModel resultItems() {
        ListBoxModel items = new ListBoxModel();
        for (String name : ResultNames.NAMES) {
            items.add(name, name);
        }
        return items;
    }
}
