package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.addToJenkins;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.secretText;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.storeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsParameterDefinition;
import com.cloudbees.plugins.credentials.CredentialsParameterValue;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Fingerprint;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.TokenSource;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Which token a build gets, as a build step sees it: the job's credential, the global default, a folder's
 * credential, a credentials parameter; and the exact message for each way it can go wrong.
 */
@WithJenkins
class CargoCredentialsJenkinsTest {
    private static final String SECRET = "cargo-secret-9a2f71";
    private static final String API = CargoApiUrl.DEFAULT;

    @Test
    void theJobsCredentialGivesItsToken(JenkinsRule j) throws Exception {
        addToJenkins(secretText("cargo-token", SECRET));
        TokenStep step = new TokenStep("cargo-token");
        FreeStyleProject job = job(j, "deploy", step);

        FreeStyleBuild build = j.buildAndAssertSuccess(job);

        assertEquals(SECRET, step.token);
        j.assertLogContains("Cargo API token of credential 'cargo-token'", build);
        j.assertLogNotContains(SECRET, build);
    }

    @Test
    void theTokenSourceIsNeitherSerializableNorPrintable(JenkinsRule j) throws Exception {
        addToJenkins(secretText("cargo-token", SECRET));
        TokenStep step = new TokenStep("cargo-token");
        j.buildAndAssertSuccess(job(j, "deploy", step));

        assertFalse(step.source instanceof Serializable, "the token must not reach build.xml or program state");
        assertFalse(step.source.toString().contains(SECRET));
    }

    @Test
    void withoutACredentialsIdTheGlobalDefaultIsUsed(JenkinsRule j) throws Exception {
        addToJenkins(secretText("cargo-default", SECRET));
        CargoGlobalConfiguration.get().setDefaultCredentialsId("cargo-default");
        TokenStep step = new TokenStep(" ");

        j.buildAndAssertSuccess(job(j, "deploy", step));

        assertEquals(SECRET, step.token);
    }

    @Test
    void theJobsCredentialWinsOverTheDefault(JenkinsRule j) throws Exception {
        addToJenkins(secretText("cargo-default", "the-default-token"));
        addToJenkins(secretText("cargo-prod", SECRET));
        CargoGlobalConfiguration.get().setDefaultCredentialsId("cargo-default");
        TokenStep step = new TokenStep("cargo-prod");

        j.buildAndAssertSuccess(job(j, "deploy", step));

        assertEquals(SECRET, step.token);
    }

    @Test
    void aFoldersCredentialServesItsJobsAndNoOthers(JenkinsRule j) throws Exception {
        Folder team = j.jenkins.createProject(Folder.class, "team");
        storeOf(team).addCredentials(Domain.global(), secretText("team-token", SECRET));
        TokenStep inside = new TokenStep("team-token");
        FreeStyleProject teamJob = team.createProject(FreeStyleProject.class, "deploy");
        teamJob.getBuildersList().add(inside);

        j.buildAndAssertSuccess(teamJob);
        assertEquals(SECRET, inside.token);

        FreeStyleBuild outside = j.buildAndAssertStatus(Result.FAILURE, job(j, "elsewhere", new TokenStep("team-token")));
        j.assertLogContains(CredentialChoice.of("team-token", null).notFound(API), outside);
    }

    @Test
    void aCredentialsParameterIsResolved(JenkinsRule j) throws Exception {
        addToJenkins(secretText("cargo-prod", SECRET));
        TokenStep step = new TokenStep("${CARGO_CREDENTIAL}");
        FreeStyleProject job = job(j, "deploy", step);
        job.addProperty(new ParametersDefinitionProperty(new CredentialsParameterDefinition(
                "CARGO_CREDENTIAL", null, null, StringCredentialsImpl.class.getName(), false)));

        j.assertBuildStatusSuccess(job.scheduleBuild2(0,
                new ParametersAction(new CredentialsParameterValue("CARGO_CREDENTIAL", "cargo-prod", null))));

        assertEquals(SECRET, step.token);
    }

    @Test
    void theUseOfTheCredentialIsTracked(JenkinsRule j) throws Exception {
        StringCredentialsImpl credential = secretText("cargo-token", SECRET);
        addToJenkins(credential);
        FreeStyleProject job = job(j, "deploy", new TokenStep("cargo-token"));

        FreeStyleBuild build = j.buildAndAssertSuccess(job);

        Fingerprint fingerprint = CredentialsProvider.getFingerprintOf(credential);
        assertNotNull(fingerprint, "no fingerprint recorded for the credential");
        assertTrue(fingerprint.getRangeSet(job.getFullName()).includes(build.getNumber()),
                "the build is not among the credential's uses: " + fingerprint.getJobs());
    }

    @Test
    void noCredentialAtAllFailsTheBuildWithTheFix(JenkinsRule j) throws Exception {
        assertNull(CargoGlobalConfiguration.get().getDefaultCredentialsId());

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, job(j, "deploy", new TokenStep(null)));

        j.assertLogContains(CredentialChoice.noneConfigured(), build);
    }

    @Test
    void anUnknownIdFailsTheBuildNamingIt(JenkinsRule j) throws Exception {
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, job(j, "deploy", new TokenStep("cargo-typo")));

        j.assertLogContains(CredentialChoice.of("cargo-typo", null).notFound(API), build);
    }

    @Test
    void aCredentialOfAnotherKindFailsTheBuildNamingTheKind(JenkinsRule j) throws Exception {
        addToJenkins(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "cargo-login", null, "me", "password-8e3a"));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, job(j, "deploy", new TokenStep("cargo-login")));

        j.assertLogContains(CredentialChoice.of("cargo-login", null).wrongType("Username with password"), build);
    }

    @Test
    void aDefaultWithScopeSystemIsNotAvailableToBuilds(JenkinsRule j) throws Exception {
        addToJenkins(new StringCredentialsImpl(CredentialsScope.SYSTEM, "cargo-system", null, Secret.fromString(SECRET)));
        CargoGlobalConfiguration.get().setDefaultCredentialsId("cargo-system");

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, job(j, "deploy", new TokenStep("")));

        j.assertLogContains(CredentialChoice.of("", "cargo-system").notFound(API), build);
        j.assertLogNotContains(SECRET, build);
    }

    private static FreeStyleProject job(JenkinsRule j, String name, TokenStep step) throws IOException {
        FreeStyleProject job = j.createFreeStyleProject(name);
        job.getBuildersList().add(step);
        return job;
    }

    /** A build step that asks for the Cargo token as the plugin's own steps do, and keeps what it got. */
    static final class TokenStep extends TestBuilder {
        private final String credentialsId;
        transient volatile TokenSource source;
        transient volatile String token;

        TokenStep(String credentialsId) {
            this.credentialsId = credentialsId;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws IOException {
            TokenSource tokens = CargoCredentials.tokenSource(build, credentialsId, CargoGlobalConfiguration.get().apiUrl());
            listener.getLogger().println("Using the " + tokens);
            source = tokens;
            token = tokens.token();
            return true;
        }
    }
}
