package io.jenkins.plugins.cargo;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.WaitPolicy;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's settings under Manage Jenkins → System: where the Cargo API is, which credential builds
 * use when they name none, and how builds wait by default. Configuration as Code:
 * {@code unclassified: cargo: {apiUrl, defaultCredentialsId, defaultPollIntervalSeconds, defaultTimeoutMinutes}}.
 *
 * <p>Every setter checks its value as the build would, and refuses a bad one with the core's message; the
 * form is checked whole before anything is set, so a bad field leaves the settings as they were.
 */
@Extension
@Symbol("cargo")
public class CargoGlobalConfiguration extends GlobalConfiguration {
    private String apiUrl = CargoApiUrl.DEFAULT;
    private String defaultCredentialsId;
    private int defaultPollIntervalSeconds = (int) WaitPolicy.defaults().pollInterval().toSeconds();
    private int defaultTimeoutMinutes = (int) WaitPolicy.defaults().timeout().toMinutes();

    public CargoGlobalConfiguration() {
        load();
    }

    public static CargoGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(CargoGlobalConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.CargoGlobalConfiguration_DisplayName();
    }

    /** The root of the Cargo API, such as {@code https://api.getcargo.io}; never blank. */
    public String getApiUrl() {
        String value = apiUrl;
        return value == null || value.isBlank() ? CargoApiUrl.DEFAULT : value;
    }

    /**
     * Sets the API URL; blank restores the default.
     *
     * @throws IllegalArgumentException with the fix, for a URL the client would refuse
     */
    @DataBoundSetter
    public void setApiUrl(@CheckForNull String apiUrl) {
        this.apiUrl = apiUrl == null || apiUrl.isBlank() ? CargoApiUrl.DEFAULT : CargoApiUrl.parse(apiUrl).toString();
        save();
    }

    /** The API URL, parsed. */
    public CargoApiUrl apiUrl() {
        return CargoApiUrl.parse(getApiUrl());
    }

    /** The Secret text credential builds use when they name none; null for none. */
    @CheckForNull
    public String getDefaultCredentialsId() {
        return defaultCredentialsId;
    }

    @DataBoundSetter
    public void setDefaultCredentialsId(@CheckForNull String defaultCredentialsId) {
        this.defaultCredentialsId = Util.fixEmptyAndTrim(defaultCredentialsId);
        save();
    }

    /** How often builds poll a run when they set no interval: 5 s unless changed, from 2 to 600. */
    public int getDefaultPollIntervalSeconds() {
        return defaultPollIntervalSeconds;
    }

    /** @throws IllegalArgumentException outside 2 to 600 seconds, with the core's message */
    @DataBoundSetter
    public void setDefaultPollIntervalSeconds(int defaultPollIntervalSeconds) {
        RunOptions.waitOptions().pollIntervalSeconds(defaultPollIntervalSeconds).buildWaitPolicy();
        this.defaultPollIntervalSeconds = defaultPollIntervalSeconds;
        save();
    }

    /** How long builds wait for a run when they set no timeout: 60 minutes unless changed; 0 for no limit. */
    public int getDefaultTimeoutMinutes() {
        return defaultTimeoutMinutes;
    }

    /** @throws IllegalArgumentException for a negative value, with the core's message */
    @DataBoundSetter
    public void setDefaultTimeoutMinutes(int defaultTimeoutMinutes) {
        RunOptions.waitOptions().timeoutMinutes(defaultTimeoutMinutes).buildWaitPolicy();
        this.defaultTimeoutMinutes = defaultTimeoutMinutes;
        save();
    }

    /**
     * Checks every field of the submitted form before any is set, so a bad value is shown under its field
     * (and nothing is half applied) rather than as a stack trace. A number field left empty gets its default
     * back, as an empty API URL does.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        reject("apiUrl", FieldChecks.apiUrl(json.optString("apiUrl", "")));
        reject("defaultPollIntervalSeconds",
                FieldChecks.pollIntervalSeconds("defaultPollIntervalSeconds", json.optString("defaultPollIntervalSeconds", "")));
        reject("defaultTimeoutMinutes",
                FieldChecks.timeoutMinutes("defaultTimeoutMinutes", json.optString("defaultTimeoutMinutes", "")));
        defaultIfBlank(json, "defaultPollIntervalSeconds", WaitPolicy.defaults().pollInterval().toSeconds());
        defaultIfBlank(json, "defaultTimeoutMinutes", WaitPolicy.defaults().timeout().toMinutes());
        return super.configure(req, json);
    }

    private static void defaultIfBlank(JSONObject json, String field, long defaultValue) {
        if (json.has(field) && json.optString(field, "").isBlank()) {
            json.put(field, defaultValue);
        }
    }

    private static void reject(String field, FieldCheck check) throws FormException {
        if (check.kind() == FieldCheck.Kind.ERROR) {
            throw new FormException(check.message(), field);
        }
    }

    // --- Form endpoints: POST only, and only for administrators (they contact Cargo or list credentials).

    @POST
    public ListBoxModel doFillDefaultCredentialsIdItems(@QueryParameter String defaultCredentialsId) {
        return CargoForms.fillCredentialsIdItems(null, defaultCredentialsId);
    }

    @POST
    public FormValidation doCheckDefaultCredentialsId(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        String id = value.strip();
        IdCredentials found = findInJenkins(id, getApiUrl());
        if (found == null) {
            return FormValidation.error(Messages.FieldChecks_CredentialNotFound(id));
        }
        if (!(found instanceof StringCredentials)) {
            return FormValidation.error(Messages.FieldChecks_CredentialWrongType(id, found.getDescriptor().getDisplayName()));
        }
        // Builds look credentials up in their job, where System credentials are not offered.
        return found.getScope() == CredentialsScope.SYSTEM
                ? FormValidation.warning(Messages.FieldChecks_DefaultCredentialSystemScope(id))
                : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckApiUrl(@QueryParameter String value) {
        return adminOnly(FieldChecks.apiUrl(value));
    }

    @POST
    public FormValidation doCheckDefaultPollIntervalSeconds(@QueryParameter String value) {
        return adminOnly(FieldChecks.pollIntervalSeconds("defaultPollIntervalSeconds", value));
    }

    @POST
    public FormValidation doCheckDefaultTimeoutMinutes(@QueryParameter String value) {
        return adminOnly(FieldChecks.timeoutMinutes("defaultTimeoutMinutes", value));
    }

    /** Asks Cargo, with the chosen credential and API URL, whether they work, and says what it found. */
    @POST
    public FormValidation doTestConnection(@QueryParameter String apiUrl, @QueryParameter String defaultCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return CargoForms.validation(testConnection(apiUrl, defaultCredentialsId));
    }

    private static FieldCheck testConnection(@CheckForNull String apiUrlText, @CheckForNull String credentialsId) {
        CargoApiUrl url;
        try {
            url = CargoApiUrl.parse(apiUrlText == null || apiUrlText.isBlank() ? CargoApiUrl.DEFAULT : apiUrlText);
        } catch (IllegalArgumentException e) {
            return FieldCheck.error(e.getMessage());
        }
        if (credentialsId == null || credentialsId.isBlank()) {
            return FieldCheck.error(Messages.ConnectionTest_NoCredential());
        }
        String id = credentialsId.strip();
        IdCredentials found = findInJenkins(id, url.toString());
        if (found == null) {
            return FieldCheck.error(Messages.FieldChecks_CredentialNotFound(id));
        }
        if (!(found instanceof StringCredentials token)) {
            return FieldCheck.error(Messages.FieldChecks_CredentialWrongType(id, found.getDescriptor().getDisplayName()));
        }
        return ConnectionCheck.run(CargoRuntime.get().client(url, new SecretTokenSource(id, token.getSecret())),
                ConnectionCheck.LONGEST_WAIT);
    }

    /** A credential of Jenkins itself (any scope), as the global configuration's form offers them. */
    @CheckForNull
    private static IdCredentials findInJenkins(String id, String apiUrl) {
        return CredentialsProvider.findCredentialByIdInItemGroup(id, IdCredentials.class, Jenkins.get(), ACL.SYSTEM2,
                URIRequirementBuilder.fromUri(apiUrl).build());
    }

    private static FormValidation adminOnly(FieldCheck check) {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER) ? CargoForms.validation(check) : FormValidation.ok();
    }
}
