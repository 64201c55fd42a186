/*
 * Compile-only stand-in. Declarations checked against jenkinsci/credentials-plugin d96751bcc06de7da229c321370456ea1cf7ca4ac
 * src/main/java/com/cloudbees/plugins/credentials/CredentialsMatchers.java.
 * That is master of 2026-04-22 (build 1504), the closest source that could be read: the BOM's
 * 1511.v2e3cb_0008ef0 is 7 commits later, and no later change seen touches these declarations.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Collection;
import java.util.List;
import java.util.Set;

public class CredentialsMatchers {

    // Like the real class: a utility class nobody instantiates.
    private CredentialsMatchers() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher never() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher not(@NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher withId(@NonNull String id) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher withScope(@NonNull CredentialsScope scope) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher allOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher both(@NonNull CredentialsMatcher matcher1, @NonNull CredentialsMatcher matcher2) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static CredentialsMatcher either(@NonNull CredentialsMatcher matcher1, @NonNull CredentialsMatcher matcher2) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static <C extends Credentials> Collection<C> filter(@NonNull Collection<C> credentials, @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static <C extends Credentials> Set<C> filter(@NonNull Set<C> credentials, @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static <C extends Credentials> List<C> filter(@NonNull List<C> credentials, @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static <C extends Credentials> Iterable<C> filter(@NonNull Iterable<C> credentials, @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public static <C extends Credentials> C firstOrDefault(@NonNull Iterable<C> credentials, @NonNull CredentialsMatcher matcher, @CheckForNull C defaultIfNone) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public static <C extends Credentials> C firstOrNull(@NonNull Iterable<C> credentials, @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
