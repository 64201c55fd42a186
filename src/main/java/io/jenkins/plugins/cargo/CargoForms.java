package io.jenkins.plugins.cargo;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormFillFailure;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The form logic the descriptors of the Pipeline steps and the freestyle builder share. Their
 * {@code @POST} endpoints pass {@code @AncestorInPath Item item} (null outside a job, as in the root
 * snippet generator) and return what these return; the permission checks are made here:
 *
 * <ul>
 *   <li>credentials are listed and looked up only for users who may see the item's configuration or use
 *       its credentials ({@link Item#EXTENDED_READ} or {@link CredentialsProvider#USE_ITEM}), and outside a
 *       job only for administrators; others get the current value alone, and "ok";
 *   <li>the other checks answer users who may configure the item ({@link Item#CONFIGURE}), or outside a
 *       job administrators; others get "ok";
 *   <li>the workflow and release drop-downs and the data check read Cargo with the chosen credential (else the
 *       global default) and the global API URL, for the same users only; others get the current value alone,
 *       and "ok". No answer holds the token.
 * </ul>
 *
 * <p>The checks themselves are {@link FieldChecks}, which say what the build would say; the drop-downs'
 * options are {@link CargoChoices}', the data's check against the release's form {@link DataCheck}'s. Those
 * that read Cargo wait for it a few seconds at most, through the controller's shared client.
 */
public final class CargoForms {
    private CargoForms() {}

    /** The Secret text credentials the item's builds can use, with an empty choice and the current value. */
    public static ListBoxModel fillCredentialsIdItems(@CheckForNull Item item, @CheckForNull String credentialsId) {
        String current = Util.fixNull(credentialsId);
        if (!mayUseCredentials(item)) {
            return new StandardListBoxModel().includeCurrentValue(current);
        }
        List<DomainRequirement> requirements = apiUrlRequirement();
        StandardListBoxModel model = new StandardListBoxModel();
        model.includeEmptyValue();
        if (item == null) {
            model.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, requirements,
                    CredentialsMatchers.always());
        } else {
            model.includeMatchingAs(authenticationOf(item), item, StringCredentials.class, requirements,
                    CredentialsMatchers.always());
        }
        return model.includeCurrentValue(current);
    }

    /**
     * Whether the credential exists for the item's builds and is a Secret text credential; a blank value
     * says whether the global default will be used, or that there is none.
     */
    public static FormValidation checkCredentialsId(@CheckForNull Item item, @CheckForNull String credentialsId) {
        if (!mayUseCredentials(item)) {
            return FormValidation.ok();
        }
        if (credentialsId == null || credentialsId.isBlank()) {
            String defaultId = CargoGlobalConfiguration.get().getDefaultCredentialsId();
            return defaultId == null
                    ? FormValidation.warning(Messages.FieldChecks_NoCredential())
                    : FormValidation.ok(Messages.FieldChecks_UsesDefaultCredential(defaultId));
        }
        String id = credentialsId.strip();
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning(Messages.FieldChecks_CredentialExpression());
        }
        List<DomainRequirement> requirements = apiUrlRequirement();
        IdCredentials found = item == null
                ? CredentialsProvider.findCredentialByIdInItemGroup(id, IdCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirements)
                : CredentialsProvider.findCredentialByIdInItem(id, IdCredentials.class, item, authenticationOf(item), requirements);
        if (found == null) {
            return FormValidation.error(Messages.FieldChecks_CredentialNotFound(id));
        }
        if (!(found instanceof StringCredentials)) {
            return FormValidation.error(Messages.FieldChecks_CredentialWrongType(id, found.getDescriptor().getDisplayName()));
        }
        return FormValidation.ok();
    }

    /**
     * A UUID parameter.
     *
     * @param field {@code workflowUuid}, {@code releaseUuid} or {@code runUuid}: the name the message uses
     * @param required whether blank is an error rather than "left out"
     */
    public static FormValidation checkUuid(@CheckForNull Item item, String field, @CheckForNull String value, boolean required) {
        return mayConfigure(item) ? validation(FieldChecks.uuid(field, value, required)) : FormValidation.ok();
    }

    /** The run's data as JSON text, its syntax only. The answer never quotes the data. */
    public static FormValidation checkData(@CheckForNull Item item, @CheckForNull String json) {
        return checkData(item, json, null, null, null);
    }

    public static FormValidation checkPollIntervalSeconds(@CheckForNull Item item, @CheckForNull String value) {
        return mayConfigure(item) ? validation(FieldChecks.pollIntervalSeconds("pollIntervalSeconds", value)) : FormValidation.ok();
    }

    public static FormValidation checkTimeoutMinutes(@CheckForNull Item item, @CheckForNull String value) {
        return mayConfigure(item) ? validation(FieldChecks.timeoutMinutes("timeoutMinutes", value)) : FormValidation.ok();
    }

    /**
     * The workflows the credential's token may run: the tools of its workspace by name, each offering its
     * {@code workflowUuid}, with the current value kept.
     *
     * @throws FormFillFailure a warning saying why, when Cargo could not be read (the form keeps the current value)
     */
    public static ListBoxModel fillWorkflowUuidItems(@CheckForNull Item item, @CheckForNull String credentialsId,
            @CheckForNull String workflowUuid) throws FormFillFailure {
        CargoClient client = mayConfigure(item) ? formClient(item, credentialsId) : null;
        if (client == null) {
            return listBox(CargoChoices.currentWorkflowOnly(workflowUuid));
        }
        return listBox(CargoChoices.readWorkflows(client, workflowUuid, CargoChoices.LONGEST_WAIT));
    }

    /**
     * The releases of the chosen workflow: first a blank option for the deployed release, then the deployed
     * release and the others, newest first, each with its version and date; the current value kept.
     *
     * @throws FormFillFailure a warning saying why, when Cargo could not be read (the form keeps the current value)
     */
    public static ListBoxModel fillReleaseUuidItems(@CheckForNull Item item, @CheckForNull String credentialsId,
            @CheckForNull String workflowUuid, @CheckForNull String releaseUuid) throws FormFillFailure {
        CargoClient client = mayConfigure(item) ? formClient(item, credentialsId) : null;
        if (client == null) {
            return listBox(CargoChoices.currentReleaseOnly(releaseUuid));
        }
        return listBox(CargoChoices.readReleases(client, workflowUuid, releaseUuid, CargoChoices.LONGEST_WAIT));
    }

    /**
     * The run's data as JSON text, checked as the build checks it: its syntax, then, once a workflow is chosen
     * and a credential can be used, against the input form of the release that would run. Every problem is
     * named, never a value.
     */
    public static FormValidation checkData(@CheckForNull Item item, @CheckForNull String json,
            @CheckForNull String credentialsId, @CheckForNull String workflowUuid, @CheckForNull String releaseUuid) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        FieldCheck syntax = FieldChecks.data(json);
        boolean releaseKnown = releaseUuid == null || releaseUuid.isBlank() || FieldChecks.isUuid(releaseUuid);
        if (json == null || syntax.kind() == FieldCheck.Kind.ERROR || !FieldChecks.isUuid(workflowUuid) || !releaseKnown) {
            return validation(syntax);
        }
        CargoClient client = formClient(item, credentialsId);
        if (client == null) {
            return validation(syntax);
        }
        return validation(DataCheck.combine(syntax,
                DataCheck.read(client, workflowUuid, releaseUuid, json, DataCheck.LONGEST_WAIT)));
    }

    /** Options as Jenkins sends them; a problem reading Cargo as a warning under the field. */
    private static ListBoxModel listBox(Choice.Answer answer) throws FormFillFailure {
        String problem = answer.problem();
        if (problem != null) {
            throw FormFillFailure.warning(problem);
        }
        return listBox(answer.options());
    }

    private static ListBoxModel listBox(List<Choice> choices) {
        ListBoxModel model = new ListBoxModel();
        for (Choice choice : choices) {
            model.add(new ListBoxModel.Option(choice.name(), choice.value(), choice.selected()));
        }
        return model;
    }

    /**
     * A client of the global API URL with the token of the chosen credential (else the global default), as the
     * item's builds would find it; null when there is none to use (nothing chosen, an expression resolved only
     * when the build runs, no such Secret text credential). The credential checks say why.
     */
    @CheckForNull
    private static CargoClient formClient(@CheckForNull Item item, @CheckForNull String credentialsId) {
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        CredentialChoice choice = CredentialChoice.of(credentialsId, config.getDefaultCredentialsId());
        if (choice == null || CargoChoices.expression(choice.id())) {
            return null;
        }
        CargoApiUrl apiUrl = config.apiUrl();
        List<DomainRequirement> requirements = URIRequirementBuilder.fromUri(apiUrl.toString()).build();
        StringCredentials credential = item == null
                ? CredentialsProvider.findCredentialByIdInItemGroup(choice.id(), StringCredentials.class, Jenkins.get(),
                        ACL.SYSTEM2, requirements)
                : CredentialsProvider.findCredentialByIdInItem(choice.id(), StringCredentials.class, item,
                        authenticationOf(item), requirements);
        return credential == null
                ? null
                : CargoRuntime.get().client(apiUrl, new SecretTokenSource(choice.id(), credential.getSecret()));
    }

    /** A {@link FieldCheck} as Jenkins shows it. */
    static FormValidation validation(FieldCheck check) {
        String message = check.message();
        return switch (check.kind()) {
            case OK -> message == null ? FormValidation.ok() : FormValidation.ok(message);
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }

    private static boolean mayUseCredentials(@CheckForNull Item item) {
        return item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasAnyPermission(Item.EXTENDED_READ, CredentialsProvider.USE_ITEM);
    }

    // hasAnyPermission with one permission is hasPermission; it also keeps SpotBugs in the offline build,
    // where Item's permission constants are null stand-ins, from flagging the argument.
    private static boolean mayConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasAnyPermission(Item.CONFIGURE);
    }

    /** Whom the item's builds run as: the credentials they can use are the ones this user can. */
    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /** Credentials in a domain that excludes the configured API URL are not offered. */
    private static List<DomainRequirement> apiUrlRequirement() {
        return URIRequirementBuilder.fromUri(CargoGlobalConfiguration.get().getApiUrl()).build();
    }
}
