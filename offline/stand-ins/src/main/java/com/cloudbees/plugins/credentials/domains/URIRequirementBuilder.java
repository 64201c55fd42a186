/*
 * Compile-only stand-in. Declarations checked against jenkinsci/credentials-plugin d96751bcc06de7da229c321370456ea1cf7ca4ac
 * src/main/java/com/cloudbees/plugins/credentials/domains/URIRequirementBuilder.java.
 * That is master of 2026-04-22 (build 1504), the closest source that could be read: the BOM's
 * 1511.v2e3cb_0008ef0 is 7 commits later, and no later change seen touches these declarations.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

public class URIRequirementBuilder {

    // The real constructor is private too; use create() or fromUri(String).
    private URIRequirementBuilder() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static URIRequirementBuilder create() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static URIRequirementBuilder fromUri(@CheckForNull String uri) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public URIRequirementBuilder withUri(@CheckForNull String uri) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public URIRequirementBuilder withScheme(@CheckForNull String scheme) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public URIRequirementBuilder withPath(@CheckForNull String path) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public URIRequirementBuilder withHostname(@CheckForNull String hostname) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public URIRequirementBuilder withHostnamePort(@CheckForNull String hostname, int port) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
