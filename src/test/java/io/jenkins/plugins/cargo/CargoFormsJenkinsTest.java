package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.ADMIN;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.CONFIGURER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.CREDENTIAL_USER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.READER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.addToJenkins;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.as;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.secretText;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.secure;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.storeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainSpecification;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.Util;
import hudson.model.FreeStyleProject;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The form logic the steps and the builder share, called as their endpoints call it, for users with
 * different permissions: who sees which credentials, and who gets which answers.
 */
@WithJenkins
class CargoFormsJenkinsTest {
    private static final String UUID = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";

    private JenkinsRule j;
    private FreeStyleProject job;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        secure(j);
        addToJenkins(secretText("cargo-token", "cargo-secret-1"));
        addToJenkins(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "git-login", null, "me", "password-77ab"));
        job = j.createFreeStyleProject("deploy");
    }

    @Test
    void whoMayConfigureTheJobSeesItsSecretTextCredentials() throws Exception {
        assertEquals(List.of("", "cargo-token"), as(CONFIGURER, () -> values(CargoForms.fillCredentialsIdItems(job, ""))));
        assertEquals(List.of("", "cargo-token"), as(CREDENTIAL_USER, () -> values(CargoForms.fillCredentialsIdItems(job, null))));
    }

    @Test
    void othersSeeOnlyTheCurrentValue() throws Exception {
        assertEquals(List.of("chosen"), as(READER, () -> values(CargoForms.fillCredentialsIdItems(job, "chosen"))));
        assertEquals(List.of(""), as(READER, () -> values(CargoForms.fillCredentialsIdItems(job, null))));
    }

    @Test
    void outsideAJobOnlyAdministratorsSeeCredentials() throws Exception {
        assertEquals(List.of("", "cargo-token"), as(ADMIN, () -> values(CargoForms.fillCredentialsIdItems(null, ""))));
        assertEquals(List.of(""), as(CONFIGURER, () -> values(CargoForms.fillCredentialsIdItems(null, ""))));
    }

    @Test
    void aJobInAFolderAlsoSeesTheFoldersCredentials() throws Exception {
        Folder team = j.jenkins.createProject(Folder.class, "team");
        storeOf(team).addCredentials(Domain.global(), secretText("team-token", "cargo-secret-2"));
        FreeStyleProject teamJob = team.createProject(FreeStyleProject.class, "deploy");

        List<String> inside = as(CONFIGURER, () -> values(CargoForms.fillCredentialsIdItems(teamJob, "")));
        List<String> outside = as(CONFIGURER, () -> values(CargoForms.fillCredentialsIdItems(job, "")));

        assertEquals(List.of("", "cargo-token", "team-token"), inside.stream().sorted().toList());
        assertFalse(outside.contains("team-token"), outside::toString);
        assertEquals(FormValidation.Kind.OK, as(CONFIGURER, () -> CargoForms.checkCredentialsId(teamJob, "team-token")).kind);
        assertEquals(FormValidation.Kind.ERROR, as(CONFIGURER, () -> CargoForms.checkCredentialsId(job, "team-token")).kind);
    }

    @Test
    void credentialsOfADomainForAnotherHostAreNotOffered() throws Exception {
        CredentialsStore jenkinsStore = CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        jenkinsStore.addDomain(new Domain("git", null, List.<DomainSpecification>of(new HostnameSpecification("git.example.com", null))),
                secretText("git-token", "cargo-secret-3"));
        jenkinsStore.addDomain(new Domain("cargo", null, List.<DomainSpecification>of(new HostnameSpecification("api.getcargo.io", null))),
                secretText("cargo-domain-token", "cargo-secret-4"));

        List<String> offered = as(CONFIGURER, () -> values(CargoForms.fillCredentialsIdItems(job, "")));

        assertEquals(List.of("", "cargo-domain-token", "cargo-token"), offered.stream().sorted().toList());
    }

    @Test
    void theCredentialCheckSaysWhatABuildWouldFind() throws Exception {
        assertValidation(FormValidation.Kind.OK, null, as(CONFIGURER, () -> CargoForms.checkCredentialsId(job, "cargo-token")));
        assertValidation(FormValidation.Kind.ERROR, Messages.FieldChecks_CredentialNotFound("missing"),
                as(CONFIGURER, () -> CargoForms.checkCredentialsId(job, "missing")));
        assertValidation(FormValidation.Kind.ERROR, Messages.FieldChecks_CredentialWrongType("git-login", "Username with password"),
                as(CONFIGURER, () -> CargoForms.checkCredentialsId(job, "git-login")));
        assertValidation(FormValidation.Kind.WARNING, Messages.FieldChecks_CredentialExpression(),
                as(CONFIGURER, () -> CargoForms.checkCredentialsId(job, "${CARGO_CREDENTIAL}")));
        assertValidation(FormValidation.Kind.WARNING, Messages.FieldChecks_NoCredential(),
                as(CONFIGURER, () -> CargoForms.checkCredentialsId(job, "")));

        CargoGlobalConfiguration.get().setDefaultCredentialsId("cargo-token");
        assertValidation(FormValidation.Kind.OK, Messages.FieldChecks_UsesDefaultCredential("cargo-token"),
                as(CONFIGURER, () -> CargoForms.checkCredentialsId(job, " ")));
    }

    @Test
    void theCredentialCheckTellsNothingToOthers() throws Exception {
        assertValidation(FormValidation.Kind.OK, null, as(READER, () -> CargoForms.checkCredentialsId(job, "missing")));
        assertValidation(FormValidation.Kind.OK, null, as(CONFIGURER, () -> CargoForms.checkCredentialsId(null, "missing")));
        assertValidation(FormValidation.Kind.ERROR, Messages.FieldChecks_CredentialNotFound("missing"),
                as(ADMIN, () -> CargoForms.checkCredentialsId(null, "missing")));
    }

    @Test
    void valueChecksAnswerWhoMayConfigure() throws Exception {
        String notAUuid = FieldChecks.uuid("workflowUuid", "tool-1", true).message();
        assertValidation(FormValidation.Kind.ERROR, notAUuid, as(CONFIGURER, () -> CargoForms.checkUuid(job, "workflowUuid", "tool-1", true)));
        assertValidation(FormValidation.Kind.OK, null, as(CONFIGURER, () -> CargoForms.checkUuid(job, "workflowUuid", UUID, true)));
        assertValidation(FormValidation.Kind.OK, null, as(CONFIGURER, () -> CargoForms.checkUuid(job, "releaseUuid", "", false)));
        assertValidation(FormValidation.Kind.ERROR, FieldChecks.data("{").message(), as(CONFIGURER, () -> CargoForms.checkData(job, "{")));
        assertValidation(FormValidation.Kind.ERROR, FieldChecks.pollIntervalSeconds("pollIntervalSeconds", "1").message(),
                as(CONFIGURER, () -> CargoForms.checkPollIntervalSeconds(job, "1")));
        assertValidation(FormValidation.Kind.ERROR, FieldChecks.timeoutMinutes("timeoutMinutes", "-5").message(),
                as(CONFIGURER, () -> CargoForms.checkTimeoutMinutes(job, "-5")));
        assertValidation(FormValidation.Kind.ERROR, notAUuid, as(ADMIN, () -> CargoForms.checkUuid(null, "workflowUuid", "tool-1", true)));
    }

    @Test
    void valueChecksTellNothingToOthers() throws Exception {
        for (String user : List.of(READER, CREDENTIAL_USER)) {
            assertValidation(FormValidation.Kind.OK, null, as(user, () -> CargoForms.checkUuid(job, "workflowUuid", "tool-1", true)));
            assertValidation(FormValidation.Kind.OK, null, as(user, () -> CargoForms.checkData(job, "{")));
            assertValidation(FormValidation.Kind.OK, null, as(user, () -> CargoForms.checkPollIntervalSeconds(job, "1")));
            assertValidation(FormValidation.Kind.OK, null, as(user, () -> CargoForms.checkTimeoutMinutes(job, "-5")));
        }
        assertValidation(FormValidation.Kind.OK, null, as(CONFIGURER, () -> CargoForms.checkUuid(null, "workflowUuid", "tool-1", true)));
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    /** FormValidation keeps its message as HTML: what the user reads, escaped. */
    private static void assertValidation(FormValidation.Kind kind, String text, FormValidation validation) {
        assertEquals(kind, validation.kind, validation::toString);
        assertEquals(text == null ? null : Util.escape(text), validation.getMessage());
    }
}
