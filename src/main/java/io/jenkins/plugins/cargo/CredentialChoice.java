package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Which credential holds a build's Cargo API token: the one the job names, else the default of the
 * global configuration. Also says, for either, what is wrong when it cannot be used, so the build log
 * names the id, where it was set and the fix. No Jenkins types: tested without a running Jenkins.
 *
 * @param id the credential id, trimmed
 * @param isDefault whether it came from the global configuration rather than the job
 */
record CredentialChoice(String id, boolean isDefault) {

    /**
     * The credential to use, or null when neither the job nor the global configuration names one.
     *
     * @param credentialsId the job's {@code credentialsId}; blank means none
     * @param defaultCredentialsId the global configuration's default; blank means none
     */
    @CheckForNull
    static CredentialChoice of(@CheckForNull String credentialsId, @CheckForNull String defaultCredentialsId) {
        if (credentialsId != null && !credentialsId.isBlank()) {
            return new CredentialChoice(credentialsId.strip(), false);
        }
        if (defaultCredentialsId != null && !defaultCredentialsId.isBlank()) {
            return new CredentialChoice(defaultCredentialsId.strip(), true);
        }
        return null;
    }

    /** Neither the job nor the global configuration names a credential. */
    static String noneConfigured() {
        return Messages.CargoCredentials_NoneConfigured();
    }

    /** No credential with this id is visible to the build (or its domain excludes the API URL). */
    String notFound(String apiUrl) {
        return isDefault
                ? Messages.CargoCredentials_DefaultNotFound(id, apiUrl)
                : Messages.CargoCredentials_NotFound(id, apiUrl);
    }

    /** The id names a credential of another kind, such as "Username with password". */
    String wrongType(String kindFound) {
        return isDefault
                ? Messages.CargoCredentials_DefaultWrongType(id, kindFound)
                : Messages.CargoCredentials_WrongType(id, kindFound);
    }
}
