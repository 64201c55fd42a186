package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormFillFailure;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cargo.api.JsonData;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code cargoRun}: starts a run of a Cargo workflow and, unless told not to, waits for its end without
 * holding an executor, through controller restarts, and cancels it when the build is aborted. Returns the
 * run's outcome as a map ({@code r.status}, {@code r.output}, …).
 *
 * <pre>
 * def r = cargoRun workflowUuid: '0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f', data: [domain: 'acme.com']
 * echo "score: ${r.output.end.score}"
 * </pre>
 */
public final class CargoCreateRunStep extends CargoWaitingStep implements CreateParameters {
    private final String workflowUuid;
    /** As the Pipeline passed it: a map, a list, JSON text, a number or a boolean. */
    private final Object data;
    private String releaseUuid;
    private boolean wait = true;
    private boolean waitForCapacity = true;
    private boolean validateData = true;

    /**
     * @param data a map or list (Groovy's, passed unchanged), a string holding JSON, a number or a boolean
     */
    @DataBoundConstructor
    public CargoCreateRunStep(String workflowUuid, Object data) {
        this.workflowUuid = workflowUuid;
        this.data = data;
    }

    @Override
    WatchPlan plan(StepOptions.Defaults defaults, String apiUrl) {
        return WatchPlan.create(StepOptions.runOptions(this, defaults), isPropagate(), apiUrl, getCredentialsId());
    }

    @Override
    public String getWorkflowUuid() {
        return workflowUuid;
    }

    @Override
    public Object getData() {
        return data;
    }

    /**
     * The data as JSON text, for the configuration form (a map would otherwise show as Groovy's
     * {@code toString}); as given when it has no JSON form.
     */
    public String getDataAsText() {
        if (data == null || data instanceof CharSequence) {
            return data == null ? "" : data.toString();
        }
        try {
            return JsonData.of(data).json();
        } catch (IllegalArgumentException noJsonForm) {
            return String.valueOf(data);
        }
    }

    @CheckForNull
    @Override
    public String getReleaseUuid() {
        return releaseUuid;
    }

    /** A release of the workflow to run; blank runs the deployed release. */
    @DataBoundSetter
    public void setReleaseUuid(@CheckForNull String releaseUuid) {
        this.releaseUuid = trimmedOrNull(releaseUuid);
    }

    @Override
    public boolean isWait() {
        return wait;
    }

    /** False returns right after the create, with the run's uuid, for {@code cargoWaitForRun} later. */
    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    @Override
    public boolean isWaitForCapacity() {
        return waitForCapacity;
    }

    @DataBoundSetter
    public void setWaitForCapacity(boolean waitForCapacity) {
        this.waitForCapacity = waitForCapacity;
    }

    @Override
    public boolean isValidateData() {
        return validateData;
    }

    /** False leaves the check of data against the release's input form to Cargo, after the run is created. */
    @DataBoundSetter
    public void setValidateData(boolean validateData) {
        this.validateData = validateData;
    }

    @Extension
    public static final class DescriptorImpl extends CargoStepDescriptor {
        @Override
        public String getFunctionName() {
            return "cargoRun";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CargoCreateRunStep_DisplayName();
        }

        /** What the Pipeline's views show for the step: the workflow, never the data. */
        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            Object workflow = namedArgs.get("workflowUuid");
            return workflow instanceof CharSequence ? workflow.toString() : null;
        }

        @POST
        public FormValidation doCheckWorkflowUuid(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return CargoForms.checkUuid(item, "workflowUuid", value, true);
        }

        @POST
        public FormValidation doCheckReleaseUuid(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return CargoForms.checkUuid(item, "releaseUuid", value, false);
        }

        /** The data, checked against the input form of the release that would run (see {@link CargoForms}). */
        @POST
        public FormValidation doCheckData(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value, @QueryParameter @CheckForNull String credentialsId,
                @QueryParameter @CheckForNull String workflowUuid, @QueryParameter @CheckForNull String releaseUuid) {
            return CargoForms.checkData(item, value, credentialsId, workflowUuid, releaseUuid);
        }

        /** The tools of the chosen credential's workspace by name; follows the credential. */
        @POST
        public ListBoxModel doFillWorkflowUuidItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String credentialsId, @QueryParameter @CheckForNull String workflowUuid)
                throws FormFillFailure {
            return CargoForms.fillWorkflowUuidItems(item, credentialsId, workflowUuid);
        }

        /** The chosen workflow's releases, deployed first; follows the workflow and the credential. */
        @POST
        public ListBoxModel doFillReleaseUuidItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String credentialsId, @QueryParameter @CheckForNull String workflowUuid,
                @QueryParameter @CheckForNull String releaseUuid) throws FormFillFailure {
            return CargoForms.fillReleaseUuidItems(item, credentialsId, workflowUuid, releaseUuid);
        }
    }
}
