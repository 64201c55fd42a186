package io.jenkins.plugins.cargo;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.TokenSource;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Finds the Cargo API token a build uses. */
public final class CargoCredentials {
    private CargoCredentials() {}

    /**
     * The token for a build: the Secret text credential {@code credentialsId} if given (blank = none),
     * else the global default.
     *
     * <p>Looked up with {@link CredentialsProvider#findCredentialById(String, Class, Run, List)}, as the build
     * itself would see it: credentials of the job's folders are found, and an id given as {@code ${PARAM}}
     * is resolved from the build's parameters. The credential's use is recorded with
     * {@link CredentialsProvider#track(Run, com.cloudbees.plugins.credentials.Credentials)}. The returned
     * source reads the secret's plain text per request; the secret is held in memory only, never serialized.
     *
     * @throws AbortException naming the id and the fix: no credential configured at all, none with that id
     *     visible to the build, or one of another type than Secret text
     */
    public static TokenSource tokenSource(Run<?, ?> run, @CheckForNull String credentialsId, CargoApiUrl apiUrl)
            throws AbortException {
        CredentialChoice choice = CredentialChoice.of(credentialsId, CargoGlobalConfiguration.get().getDefaultCredentialsId());
        if (choice == null) {
            throw new AbortException(CredentialChoice.noneConfigured());
        }
        List<DomainRequirement> requirements = URIRequirementBuilder.fromUri(apiUrl.toString()).build();
        StringCredentials credential =
                CredentialsProvider.findCredentialById(choice.id(), StringCredentials.class, run, requirements);
        if (credential == null) {
            // Another kind of credential with that id is the usual mistake; say which kind it is.
            IdCredentials other = CredentialsProvider.findCredentialById(choice.id(), IdCredentials.class, run, requirements);
            throw new AbortException(other == null
                    ? choice.notFound(apiUrl.toString())
                    : choice.wrongType(other.getDescriptor().getDisplayName()));
        }
        CredentialsProvider.track(run, credential);
        return new SecretTokenSource(choice.id(), credential.getSecret());
    }
}
