/*
 * Compile-only stand-in. Declarations checked against jenkinsci/plain-credentials-plugin 199.v9f8e1f741799
 * src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

@NameWith(StringCredentials.NameProvider.class)
public interface StringCredentials extends StandardCredentials {

    @NonNull Secret getSecret();

    class NameProvider extends CredentialsNameProvider<StringCredentials> {

        public String getName(StringCredentials c) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
