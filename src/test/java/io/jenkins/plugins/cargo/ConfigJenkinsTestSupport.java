package io.jenkins.plugins.cargo;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** What the configuration tests share: users with set permissions, credentials, and form requests. */
final class ConfigJenkinsTestSupport {
    /** The global configuration's form endpoints. */
    static final String GLOBAL = "descriptorByName/" + CargoGlobalConfiguration.class.getName() + "/";

    static final String ADMIN = "admin";
    /** May configure jobs (and so see and use their credentials), but not Jenkins. */
    static final String CONFIGURER = "configurer";
    /** May use the credentials of jobs, but not configure them. */
    static final String CREDENTIAL_USER = "credential-user";
    /** May only look. */
    static final String READER = "reader";

    private ConfigJenkinsTestSupport() {}

    /** An answer to a form request. */
    record Answer(int status, String body) {}

    static void secure(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to(ADMIN)
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to(CONFIGURER)
                .grant(Jenkins.READ, Item.READ, CredentialsProvider.USE_ITEM).everywhere().to(CREDENTIAL_USER)
                .grant(Jenkins.READ, Item.READ).everywhere().to(READER));
    }

    /** A form request as the browser sends it: POST, with the crumb, logged in as {@code user}. */
    static Answer post(JenkinsRule j, String user, String path, String... namesAndValues) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            web.login(user);
            WebRequest request = new WebRequest(web.createCrumbedUrl(path), HttpMethod.POST);
            List<NameValuePair> parameters = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                parameters.add(new NameValuePair(namesAndValues[i], namesAndValues[i + 1]));
            }
            request.setRequestParameters(parameters);
            WebResponse response = web.loadWebResponse(request);
            return new Answer(response.getStatusCode(), response.getContentAsString());
        }
    }

    /** The same request as a GET, which form endpoints must refuse. */
    static Answer get(JenkinsRule j, String user, String pathAndQuery) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            web.login(user);
            WebResponse response = web.loadWebResponse(new WebRequest(web.createCrumbedUrl(pathAndQuery), HttpMethod.GET));
            return new Answer(response.getStatusCode(), response.getContentAsString());
        }
    }

    /** Runs {@code action} as {@code user}, as a form endpoint runs for the user who called it. */
    static <T> T as(String user, Callable<T> action) throws Exception {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return action.call();
        }
    }

    static StringCredentialsImpl secretText(String id, String secret) {
        return new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "Cargo API token", Secret.fromString(secret));
    }

    /** Adds a credential to Jenkins itself, where every job can see it (if its scope is Global). */
    static void addToJenkins(Credentials credential) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(credential);
        SystemCredentialsProvider.getInstance().save();
    }

    /** The credentials store of a folder, which only the jobs inside it see. */
    static CredentialsStore storeOf(Folder folder) {
        for (CredentialsStore store : CredentialsProvider.lookupStores(folder)) {
            if (store.getProvider() instanceof FolderCredentialsProvider && store.getContext() == folder) {
                return store;
            }
        }
        throw new AssertionError("folder " + folder.getFullName() + " has no credentials store");
    }
}
