package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.ADMIN;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.CONFIGURER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.GLOBAL;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.READER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.addToJenkins;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.get;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.post;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.secretText;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.secure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.Util;
import hudson.util.Secret;
import io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.Answer;
import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.SimSubscription;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The global configuration: its defaults, its form (edit, round trip, a bad value refused), what it
 * stores, and its form endpoints (POST only, administrators only), Test connection included.
 */
@WithJenkins
class CargoGlobalConfigurationJenkinsTest {
    private static final String TOKEN_SECRET = "cargo-secret-5b7d0e";

    private CargoSimulator sim;

    @BeforeEach
    void startCargo() throws Exception {
        sim = CargoSimulator.start();
    }

    @AfterEach
    void stopCargo() {
        sim.close();
    }

    @Test
    void startsWithTheDefaults(JenkinsRule j) {
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        assertEquals(CargoApiUrl.DEFAULT, config.getApiUrl());
        assertEquals(CargoApiUrl.parse(CargoApiUrl.DEFAULT), config.apiUrl());
        assertNull(config.getDefaultCredentialsId());
        assertEquals(5, config.getDefaultPollIntervalSeconds());
        assertEquals(60, config.getDefaultTimeoutMinutes());
    }

    @Test
    void theFormEditsAndStoresTheSettings(JenkinsRule j) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlForm form = web.goTo("configure").getFormByName("config");
            form.getInputByName("_.apiUrl").setValue("https://cargo-gateway.example.com/");
            form.getInputByName("_.defaultPollIntervalSeconds").setValue("15");
            form.getInputByName("_.defaultTimeoutMinutes").setValue("0");
            j.submit(form);
        }

        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        assertEquals("https://cargo-gateway.example.com", config.getApiUrl(), "stored as the client reads it");
        assertEquals(15, config.getDefaultPollIntervalSeconds());
        assertEquals(0, config.getDefaultTimeoutMinutes());

        CargoGlobalConfiguration reloaded = new CargoGlobalConfiguration();
        assertEquals("https://cargo-gateway.example.com", reloaded.getApiUrl(), "saved, and loaded again");
        assertEquals(15, reloaded.getDefaultPollIntervalSeconds());
        assertEquals(0, reloaded.getDefaultTimeoutMinutes());
    }

    @Test
    void emptiedFieldsGetTheirDefaultsBack(JenkinsRule j) throws Exception {
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        config.setApiUrl("https://cargo-gateway.example.com");
        config.setDefaultPollIntervalSeconds(30);
        config.setDefaultTimeoutMinutes(5);

        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlForm form = web.goTo("configure").getFormByName("config");
            form.getInputByName("_.apiUrl").setValue("");
            form.getInputByName("_.defaultPollIntervalSeconds").setValue("");
            form.getInputByName("_.defaultTimeoutMinutes").setValue("");
            j.submit(form);
        }

        assertEquals(CargoApiUrl.DEFAULT, config.getApiUrl());
        assertEquals(5, config.getDefaultPollIntervalSeconds());
        assertEquals(60, config.getDefaultTimeoutMinutes());
    }

    @Test
    void aRoundTripOfTheFormKeepsEverySetting(JenkinsRule j) throws Exception {
        addToJenkins(secretText("cargo-token", TOKEN_SECRET));
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        config.setApiUrl(sim.baseUrl());
        config.setDefaultCredentialsId("cargo-token");
        config.setDefaultPollIntervalSeconds(7);
        config.setDefaultTimeoutMinutes(0);

        j.configRoundtrip();

        assertEquals(sim.baseUrl(), config.getApiUrl());
        assertEquals("cargo-token", config.getDefaultCredentialsId());
        assertEquals(7, config.getDefaultPollIntervalSeconds());
        assertEquals(0, config.getDefaultTimeoutMinutes());
    }

    @Test
    void theStoredSettingsHoldTheCredentialsIdNeverTheToken(JenkinsRule j) throws Exception {
        addToJenkins(secretText("cargo-token", TOKEN_SECRET));
        CargoGlobalConfiguration.get().setDefaultCredentialsId("cargo-token");

        String xml = Files.readString(
                new File(j.jenkins.getRootDir(), CargoGlobalConfiguration.class.getName() + ".xml").toPath(),
                StandardCharsets.UTF_8);

        assertTrue(xml.contains("<defaultCredentialsId>cargo-token</defaultCredentialsId>"), xml);
        assertFalse(xml.contains(TOKEN_SECRET), xml);
    }

    @Test
    void aBadValueInTheFormIsRefusedAndNothingChanges(JenkinsRule j) throws Exception {
        try (JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)) {
            HtmlForm form = web.goTo("configure").getFormByName("config");
            form.getInputByName("_.apiUrl").setValue("http://cargo-gateway.example.com");
            form.getInputByName("_.defaultPollIntervalSeconds").setValue("15");
            HtmlPage answer = j.submit(form);
            assertTrue(answer.getWebResponse().getContentAsString().contains("must use https"),
                    answer.getWebResponse().getContentAsString());
        }

        assertEquals(CargoApiUrl.DEFAULT, CargoGlobalConfiguration.get().getApiUrl());
        assertEquals(5, CargoGlobalConfiguration.get().getDefaultPollIntervalSeconds(), "nothing half applied");
    }

    @Test
    void theSettersRefuseWhatABuildWouldRefuse(JenkinsRule j) {
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        assertThrows(IllegalArgumentException.class, () -> config.setApiUrl("https://api.getcargo.io/v1"));
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultPollIntervalSeconds(601));
        assertThrows(IllegalArgumentException.class, () -> config.setDefaultTimeoutMinutes(-1));
        assertEquals(CargoApiUrl.DEFAULT, config.getApiUrl());

        config.setApiUrl(" ");
        assertEquals(CargoApiUrl.DEFAULT, config.getApiUrl(), "blank restores the default");
        config.setDefaultCredentialsId("  ");
        assertNull(config.getDefaultCredentialsId());
    }

    @Test
    void formEndpointsRefuseGet(JenkinsRule j) throws Exception {
        secure(j);
        for (String endpoint : List.of("checkApiUrl?value=x", "checkDefaultPollIntervalSeconds?value=1",
                "checkDefaultTimeoutMinutes?value=-1", "checkDefaultCredentialsId?value=x",
                "fillDefaultCredentialsIdItems", "testConnection?apiUrl=x&defaultCredentialsId=x")) {
            int status = get(j, ADMIN, GLOBAL + endpoint).status();
            assertTrue(status == 404 || status == 405, endpoint + " answered a GET with " + status);
        }
    }

    @Test
    void checksAnswerAdministratorsOnly(JenkinsRule j) throws Exception {
        secure(j);
        String refusal = Util.escape(FieldChecks.apiUrl("http://cargo-gateway.example.com").message());

        assertTrue(post(j, ADMIN, GLOBAL + "checkApiUrl", "value", "http://cargo-gateway.example.com").body().contains(refusal));
        Answer toConfigurer = post(j, CONFIGURER, GLOBAL + "checkApiUrl", "value", "http://cargo-gateway.example.com");
        assertEquals(200, toConfigurer.status());
        assertFalse(toConfigurer.body().contains("https"), toConfigurer.body());

        String tooOften = Util.escape(FieldChecks.pollIntervalSeconds("defaultPollIntervalSeconds", "1").message());
        assertTrue(post(j, ADMIN, GLOBAL + "checkDefaultPollIntervalSeconds", "value", "1").body().contains(tooOften));
        assertFalse(post(j, READER, GLOBAL + "checkDefaultPollIntervalSeconds", "value", "1").body().contains(tooOften));

        String negative = Util.escape(FieldChecks.timeoutMinutes("defaultTimeoutMinutes", "-1").message());
        assertTrue(post(j, ADMIN, GLOBAL + "checkDefaultTimeoutMinutes", "value", "-1").body().contains(negative));
        assertFalse(post(j, READER, GLOBAL + "checkDefaultTimeoutMinutes", "value", "-1").body().contains(negative));
    }

    @Test
    void credentialsAreListedForAdministratorsOnly(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", TOKEN_SECRET));
        addToJenkins(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "git-login", null, "me", "password-4c1d"));

        List<String> forAdmin = values(post(j, ADMIN, GLOBAL + "fillDefaultCredentialsIdItems", "defaultCredentialsId", ""));
        assertEquals(List.of("", "cargo-token"), forAdmin, "an empty choice and the Secret text credentials");

        List<String> forReader = values(post(j, READER, GLOBAL + "fillDefaultCredentialsIdItems", "defaultCredentialsId", "chosen"));
        assertEquals(List.of("chosen"), forReader, "the current value alone");
    }

    @Test
    void theDefaultCredentialIsChecked(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", TOKEN_SECRET));
        addToJenkins(new StringCredentialsImpl(CredentialsScope.SYSTEM, "cargo-system", null, Secret.fromString(TOKEN_SECRET)));
        addToJenkins(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "git-login", null, "me", "password-4c1d"));
        String path = GLOBAL + "checkDefaultCredentialsId";

        assertEquals("<div/>", post(j, ADMIN, path, "value", "cargo-token").body().strip());
        assertTrue(post(j, ADMIN, path, "value", "missing").body()
                .contains(Util.escape(Messages.FieldChecks_CredentialNotFound("missing"))));
        assertTrue(post(j, ADMIN, path, "value", "git-login").body()
                .contains(Util.escape(Messages.FieldChecks_CredentialWrongType("git-login", "Username with password"))));
        assertTrue(post(j, ADMIN, path, "value", "cargo-system").body()
                .contains(Util.escape(Messages.FieldChecks_DefaultCredentialSystemScope("cargo-system"))));
        assertFalse(post(j, READER, path, "value", "missing").body().contains("missing"));
    }

    @Test
    void testConnectionReportsAnAcceptedToken(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", sim.acceptedToken()));

        Answer answer = post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", sim.baseUrl(), "defaultCredentialsId", "cargo-token");

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains(Util.escape(Messages.ConnectionTest_Accepted(sim.baseUrl()))), answer.body());
        assertEquals(1, sim.requests(Endpoint.LIST).size(), "one read-only request to test the token");
        assertEquals(0, sim.requests(Endpoint.CREATE).size(), "nothing started");
    }

    @Test
    void testConnectionReportsTheWorkspaceAndTheCreditsLeft(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", sim.acceptedToken()));
        sim.workspace("Acme growth", 7);
        sim.subscription(SimSubscription.credits(4250, 750, 500));

        Answer answer = post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", sim.baseUrl(), "defaultCredentialsId", "cargo-token");

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("class=\"ok\""), answer.body());
        assertTrue(answer.body().contains(Util.escape(Messages.ConnectionTest_Workspace("Acme growth", "7"))), answer.body());
        assertTrue(answer.body().contains(Util.escape(Messages.ConnectionTest_Credits("4750", "4250", "500"))), answer.body());
        assertEquals(1, sim.requests(Endpoint.WORKSPACE).size());
        assertEquals(1, sim.requests(Endpoint.SUBSCRIPTION).size());
        assertFalse(answer.body().contains(sim.acceptedToken()), answer.body());
    }

    @Test
    void testConnectionSaysWhenTheTokenMayNotSeeTheCredits(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", sim.acceptedToken()));
        sim.forbid(Endpoint.SUBSCRIPTION);

        Answer answer = post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", sim.baseUrl(), "defaultCredentialsId", "cargo-token");

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("class=\"ok\""), "not an error: " + answer.body());
        assertFalse(answer.body().contains("class=\"error\""), answer.body());
        assertTrue(answer.body().contains(Util.escape(Messages.ConnectionTest_CreditsHidden())), answer.body());
        assertTrue(answer.body().contains(Util.escape(Messages.ConnectionTest_Accepted(sim.baseUrl()))), answer.body());
    }

    @Test
    void testConnectionReportsARefusedTokenWithoutQuotingIt(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", TOKEN_SECRET));

        Answer answer = post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", sim.baseUrl(), "defaultCredentialsId", "cargo-token");

        assertTrue(answer.body().contains("class=\"error\""), answer.body());
        assertTrue(answer.body().contains("refused the API token"), answer.body());
        assertFalse(answer.body().contains(TOKEN_SECRET), answer.body());
    }

    @Test
    void testConnectionReportsAnUnreachableCargo(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", sim.acceptedToken()));
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        Answer answer = post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", closed, "defaultCredentialsId", "cargo-token");

        assertTrue(answer.body().contains("class=\"error\""), answer.body());
        assertTrue(answer.body().contains("Could not reach Cargo at " + closed), answer.body());
        assertTrue(answer.body().contains("HTTP Proxy Configuration"), answer.body());
    }

    @Test
    void testConnectionNeedsACredentialAndAUsableUrl(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", sim.acceptedToken()));

        assertTrue(post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", sim.baseUrl(), "defaultCredentialsId", "").body()
                .contains(Util.escape(Messages.ConnectionTest_NoCredential())));
        assertTrue(post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", "http://cargo-gateway.example.com",
                "defaultCredentialsId", "cargo-token").body().contains("must use https"));
        assertTrue(post(j, ADMIN, GLOBAL + "testConnection", "apiUrl", sim.baseUrl(), "defaultCredentialsId", "gone").body()
                .contains(Util.escape(Messages.FieldChecks_CredentialNotFound("gone"))));
        assertEquals(0, sim.requests(Endpoint.ANY).size());
    }

    @Test
    void testConnectionIsForAdministratorsOnly(JenkinsRule j) throws Exception {
        secure(j);
        addToJenkins(secretText("cargo-token", sim.acceptedToken()));

        Answer answer = post(j, CONFIGURER, GLOBAL + "testConnection", "apiUrl", sim.baseUrl(), "defaultCredentialsId", "cargo-token");

        assertEquals(403, answer.status());
        assertEquals(0, sim.requests(Endpoint.ANY).size(), "Cargo was not contacted");
    }

    /** The values of a list box answer: {@code {"values": [{"name", "value", "selected"}]}}. */
    private static List<String> values(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        JSONArray options = JSONObject.fromObject(answer.body()).getJSONArray("values");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            values.add(options.getJSONObject(i).getString("value"));
        }
        return values;
    }
}
