package io.jenkins.plugins.cargo;

import hudson.util.Secret;
import io.jenkins.plugins.cargo.api.TokenSource;
import java.util.Objects;

/**
 * The token of a Secret text credential, read at each request. It lives in memory only: this class is
 * not serializable, so the token cannot reach a {@code build.xml} or a Pipeline's program state, and its
 * {@code toString} names the credential, never the secret.
 */
final class SecretTokenSource implements TokenSource {
    private final String credentialsId;
    private final Secret secret;

    SecretTokenSource(String credentialsId, Secret secret) {
        this.credentialsId = Objects.requireNonNull(credentialsId);
        this.secret = Objects.requireNonNull(secret);
    }

    @Override
    public String token() {
        return secret.getPlainText();
    }

    @Override
    public String toString() {
        return "Cargo API token of credential '" + credentialsId + "'";
    }
}
