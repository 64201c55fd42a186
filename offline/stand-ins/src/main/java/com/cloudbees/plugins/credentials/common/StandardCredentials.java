/*
 * Compile-only stand-in. Declarations checked against jenkinsci/credentials-plugin d96751bcc06de7da229c321370456ea1cf7ca4ac
 * src/main/java/com/cloudbees/plugins/credentials/common/StandardCredentials.java.
 * That is master of 2026-04-22 (build 1504), the closest source that could be read: the BOM's
 * 1511.v2e3cb_0008ef0 is 7 commits later, and no later change seen touches these declarations.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import edu.umd.cs.findbugs.annotations.NonNull;

@NameWith(value = StandardCredentials.NameProvider.class, priority = -16)
public interface StandardCredentials extends IdCredentials {

    @NonNull String getDescription();

    class NameProvider extends CredentialsNameProvider<StandardCredentials> {

        @NonNull public String getName(@NonNull StandardCredentials c) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
