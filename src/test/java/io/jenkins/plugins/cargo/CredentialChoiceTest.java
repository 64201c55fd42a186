package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialChoiceTest {
    private static final String API = "https://api.getcargo.io";

    @Test
    void theJobsCredentialWinsOverTheDefault() {
        assertEquals(new CredentialChoice("cargo-prod", false), CredentialChoice.of(" cargo-prod ", "cargo-default"));
    }

    @Test
    void aBlankCredentialsIdFallsBackToTheDefault() {
        assertEquals(new CredentialChoice("cargo-default", true), CredentialChoice.of(null, "cargo-default"));
        assertEquals(new CredentialChoice("cargo-default", true), CredentialChoice.of("  ", " cargo-default"));
    }

    @Test
    void noneAtAllIsNoChoice() {
        assertNull(CredentialChoice.of(null, null));
        assertNull(CredentialChoice.of("", " "));
    }

    @Test
    void noneConfiguredSaysWhereToSetOne() {
        String message = CredentialChoice.noneConfigured();
        assertTrue(message.startsWith("No Cargo API token is configured for this build."), message);
        assertTrue(message.contains("credentialsId"), message);
        assertTrue(message.contains("Secret text"), message);
        assertTrue(message.contains("Manage Jenkins \u2192 System \u2192 Cargo"), message);
    }

    @Test
    void aMissingCredentialOfTheJobNamesTheIdAndTheFix() {
        String message = CredentialChoice.of("cargo-prod", null).notFound(API);
        assertTrue(message.startsWith("credentialsId 'cargo-prod' names no credential this build can use."), message);
        assertTrue(message.contains("Add a Secret text credential with that id"), message);
        assertTrue(message.contains("the domain must include " + API + "."), message);
    }

    @Test
    void aMissingDefaultSaysItMustHaveScopeGlobal() {
        String message = CredentialChoice.of(null, "cargo-default").notFound(API);
        assertTrue(message.startsWith("The default Cargo credential 'cargo-default' (Manage Jenkins \u2192 System \u2192 Cargo)"
                + " names no credential this build can use."), message);
        assertTrue(message.contains("scope Global"), message);
        assertTrue(message.contains("pass credentialsId"), message);
    }

    @Test
    void aCredentialOfAnotherKindIsNamedWithItsKind() {
        String message = CredentialChoice.of("cargo-prod", null).wrongType("Username with password");
        assertEquals("credentialsId 'cargo-prod' names a credential of kind 'Username with password', but Cargo needs"
                + " a Secret text credential that holds the API token. Add one and pass its id.", message);
        String ofDefault = CredentialChoice.of("", "cargo-default").wrongType("SSH Username with private key");
        assertTrue(ofDefault.startsWith("The default Cargo credential 'cargo-default' is a credential of kind"
                + " 'SSH Username with private key', but Cargo needs a Secret text credential"), ofDefault);
        assertFalse(ofDefault.contains("{"), ofDefault);
    }
}
