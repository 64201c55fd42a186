package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The Configuration as Code round trip of the harness: apply the YAML, check it through the web UI, apply
 * it there, restart with it as {@code jenkins.yaml}, and find the settings again each time.
 */
class CargoConfigurationAsCodeRoundTripJenkinsTest extends AbstractRoundTripTest {

    @BeforeAll
    static void provideToken() {
        System.setProperty("CARGO_TOKEN", CargoConfigurationAsCodeJenkinsTest.TOKEN);
    }

    @AfterAll
    static void forgetToken() {
        System.clearProperty("CARGO_TOKEN");
    }

    @Override
    protected String configResource() {
        return "configuration-as-code.yaml";
    }

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        assertEquals("https://cargo-gateway.example.com", config.getApiUrl());
        assertEquals("cargo-token", config.getDefaultCredentialsId());
        assertEquals(10, config.getDefaultPollIntervalSeconds());
        assertEquals(120, config.getDefaultTimeoutMinutes());
    }

    @Override
    protected String stringInLogExpected() {
        // Configuration as Code logs each attribute it sets: "Setting <configuration>.apiUrl = <value>".
        return ".apiUrl = https://cargo-gateway.example.com";
    }
}
