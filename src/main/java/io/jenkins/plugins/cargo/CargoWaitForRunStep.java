package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code cargoWaitForRun}: follows a run started earlier, typically by {@code cargoRun(wait: false)}, to its
 * end, as {@code cargoRun} would have. Several can wait in {@code parallel} branches:
 *
 * <pre>
 * def uuids = domains.collect { d -&gt; cargoRun(workflowUuid: WF, data: [domain: d], wait: false).runUuid }
 * parallel uuids.collectEntries { u -&gt; [(u): { cargoWaitForRun runUuid: u }] }
 * </pre>
 */
public final class CargoWaitForRunStep extends CargoWaitingStep {
    private final String runUuid;
    private String workflowUuid;

    @DataBoundConstructor
    public CargoWaitForRunStep(String runUuid) {
        this.runUuid = runUuid;
    }

    @Override
    WatchPlan plan(StepOptions.Defaults defaults, String apiUrl) {
        return WatchPlan.join(runUuid, workflowUuid, StepOptions.waitPolicy(this, defaults), isPropagate(), apiUrl,
                getCredentialsId());
    }

    public String getRunUuid() {
        return runUuid;
    }

    @CheckForNull
    public String getWorkflowUuid() {
        return workflowUuid;
    }

    /** The run's workflow; optional, learnt from the first read when left out. */
    @DataBoundSetter
    public void setWorkflowUuid(@CheckForNull String workflowUuid) {
        this.workflowUuid = trimmedOrNull(workflowUuid);
    }

    @Extension
    public static final class DescriptorImpl extends CargoStepDescriptor {
        @Override
        public String getFunctionName() {
            return "cargoWaitForRun";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CargoWaitForRunStep_DisplayName();
        }

        @Override
        public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
            Object run = namedArgs.get("runUuid");
            return run instanceof CharSequence ? run.toString() : null;
        }

        @POST
        public FormValidation doCheckRunUuid(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return CargoForms.checkUuid(item, "runUuid", value, true);
        }

        @POST
        public FormValidation doCheckWorkflowUuid(@AncestorInPath @CheckForNull Item item,
                @QueryParameter @CheckForNull String value) {
            return CargoForms.checkUuid(item, "workflowUuid", value, false);
        }
    }
}
