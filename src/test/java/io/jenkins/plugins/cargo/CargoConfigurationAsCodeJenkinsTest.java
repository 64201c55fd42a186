package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.security.ACL;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code unclassified: cargo:} in Configuration as Code, with the Secret text credential the token lives
 * in. The full round trip (web UI, restart) is {@link CargoConfigurationAsCodeRoundTripJenkinsTest}.
 */
@WithJenkinsConfiguredWithCode
class CargoConfigurationAsCodeJenkinsTest {
    /** Resolved by Configuration as Code from the environment or, as here, a system property. */
    static final String TOKEN = "cargo-token-from-the-environment";

    @BeforeAll
    static void provideToken() {
        System.setProperty("CARGO_TOKEN", TOKEN);
    }

    @AfterAll
    static void forgetToken() {
        System.clearProperty("CARGO_TOKEN");
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void importsTheSettingsAndTheCredential(JenkinsConfiguredWithCodeRule j) {
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        assertEquals("https://cargo-gateway.example.com", config.getApiUrl());
        assertEquals(CargoApiUrl.parse("https://cargo-gateway.example.com"), config.apiUrl());
        assertEquals("cargo-token", config.getDefaultCredentialsId());
        assertEquals(10, config.getDefaultPollIntervalSeconds());
        assertEquals(120, config.getDefaultTimeoutMinutes());

        StringCredentials token = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, j.jenkins, ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId("cargo-token"));
        assertNotNull(token);
        assertEquals(CredentialsScope.GLOBAL, token.getScope());
        assertEquals(TOKEN, token.getSecret().getPlainText());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void exportsWhatItImported(JenkinsConfiguredWithCodeRule j) throws Exception {
        CNode cargo = Util.getUnclassifiedRoot(new ConfigurationContext(ConfiguratorRegistry.get())).get("cargo");
        assertNotNull(cargo, "no 'cargo' under 'unclassified'");

        String exported = Util.toYamlString(cargo);

        assertExported(exported, "apiUrl: \"?https://cargo-gateway\\.example\\.com\"?");
        assertExported(exported, "defaultCredentialsId: \"?cargo-token\"?");
        assertExported(exported, "defaultPollIntervalSeconds: 10");
        assertExported(exported, "defaultTimeoutMinutes: 120");
        assertTrue(!exported.contains(TOKEN), exported);
    }

    @Test
    @ConfiguredWithCode(value = "configuration-as-code-http-url.yaml", expected = ConfiguratorException.class)
    void refusesAPlainHttpApiUrl(JenkinsConfiguredWithCodeRule j) {
        // The token would travel unencrypted: the setter refuses it and the default stays.
        assertEquals(CargoApiUrl.DEFAULT, CargoGlobalConfiguration.get().getApiUrl());
    }

    @Test
    @ConfiguredWithCode(value = "configuration-as-code-poll-interval.yaml", expected = ConfiguratorException.class)
    void refusesAPollIntervalOutOfRange(JenkinsConfiguredWithCodeRule j) {
        assertEquals(5, CargoGlobalConfiguration.get().getDefaultPollIntervalSeconds());
        assertNull(CargoGlobalConfiguration.get().getDefaultCredentialsId());
    }

    private static void assertExported(String exported, String lineRegex) {
        assertTrue(exported.lines().anyMatch(line -> line.strip().matches(lineRegex)),
                () -> "no line matching " + lineRegex + " in:\n" + exported);
    }
}
