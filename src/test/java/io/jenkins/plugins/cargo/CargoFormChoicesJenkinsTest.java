package io.jenkins.plugins.cargo;

import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.ADMIN;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.CONFIGURER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.CREDENTIAL_USER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.READER;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.addToJenkins;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.get;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.post;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.secretText;
import static io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.secure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.Util;
import io.jenkins.plugins.cargo.ConfigJenkinsTestSupport.Answer;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.DemoWorkflows;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The workflow and release drop-downs and the data check of {@code cargoRun}'s snippet generator and of the
 * build step's form, against the Cargo API simulator: what they offer and say to whoever may configure
 * the job, the current value alone (and no request to Cargo) to others, POST only, never the token.
 */
@WithJenkins
class CargoFormChoicesJenkinsTest {
    private static final String BUILDER = "job/deploy/descriptorByName/" + CargoRunBuilder.class.getName() + "/";
    private static final String STEP = "job/pipeline/descriptorByName/" + CargoCreateRunStep.class.getName() + "/";
    private static final String ROOT_STEP = "descriptorByName/" + CargoCreateRunStep.class.getName() + "/";
    private static final String CREDENTIAL = "cargo-token";
    private static final String FORM_RELEASE = "release 2.0.0 (" + DemoWorkflows.HAS_A_FORM_RELEASE + ")";

    private JenkinsRule j;
    private CargoSimulator sim;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        sim = CargoSimulator.start();
        DemoWorkflows.install(sim);
        secure(j);
        addToJenkins(secretText(CREDENTIAL, sim.acceptedToken()));
        CargoGlobalConfiguration.get().setApiUrl(sim.baseUrl());
        j.createFreeStyleProject("deploy");
        j.createProject(WorkflowJob.class, "pipeline");
    }

    @AfterEach
    void stopCargo() {
        sim.close();
    }

    @Test
    void theWorkflowDropDownOffersTheToolsByName() throws Exception {
        for (String form : List.of(BUILDER, STEP)) {
            Answer answer = post(j, CONFIGURER, form + "fillWorkflowUuidItems", "credentialsId", CREDENTIAL, "workflowUuid", "");

            List<JSONObject> options = options(answer);
            assertEquals(Messages.CargoChoices_ChooseTool(), options.get(0).getString("name"));
            assertEquals("", options.get(0).getString("value"));
            List<String> byName = DemoWorkflows.all().stream()
                    .sorted(Comparator.comparing(demo -> demo.name().toLowerCase(Locale.ROOT)))
                    .map(DemoWorkflows.Demo::workflowUuid).toList();
            assertEquals(byName, values(options).subList(1, options.size()), "the tools by name, each its workflowUuid");
            assertTrue(options.stream().anyMatch(o -> o.getString("name").equals("has-a-form (" + DemoWorkflows.HAS_A_FORM + ")")),
                    answer.body());
            assertFalse(answer.body().contains(sim.acceptedToken()));
        }
        assertEquals(2, sim.requests(Endpoint.TOOLS).size());
    }

    @Test
    void theCurrentWorkflowIsSelectedAndOneThatIsNotAToolKept() throws Exception {
        List<JSONObject> chosen = options(post(j, CONFIGURER, STEP + "fillWorkflowUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM));
        JSONObject selected = chosen.stream().filter(o -> o.optBoolean("selected")).findFirst().orElseThrow();
        assertEquals(DemoWorkflows.HAS_A_FORM, selected.getString("value"));
        assertFalse(values(chosen).contains(""), "no blank choice once a workflow is chosen");

        String typed = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";
        List<JSONObject> kept = options(post(j, CONFIGURER, BUILDER + "fillWorkflowUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", typed));
        assertEquals(typed, kept.get(0).getString("value"));
        assertEquals(Messages.CargoChoices_NotATool(typed), kept.get(0).getString("name"));
        assertTrue(kept.get(0).optBoolean("selected"));

        List<JSONObject> variable = options(post(j, CONFIGURER, BUILDER + "fillWorkflowUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", "${WORKFLOW}"));
        assertEquals("${WORKFLOW}", variable.get(0).getString("value"));
        assertEquals(Messages.CargoChoices_Expression("${WORKFLOW}"), variable.get(0).getString("name"));
    }

    @Test
    void theReleaseDropDownFollowsTheWorkflowDeployedFirst() throws Exception {
        List<JSONObject> withForm = options(post(j, CONFIGURER, STEP + "fillReleaseUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", ""));
        assertEquals(List.of("", DemoWorkflows.HAS_A_FORM_RELEASE, DemoWorkflows.HAS_A_FORM_FIRST_RELEASE), values(withForm));
        assertEquals(Messages.CargoChoices_DeployedNow("2.0.0"), withForm.get(0).getString("name"));
        assertTrue(withForm.get(0).optBoolean("selected"));
        assertTrue(withForm.get(1).getString("name").startsWith("2.0.0 (deployed "), withForm.get(1).toString());
        assertTrue(withForm.get(2).getString("name").startsWith("1.0.0 (archived, created "), withForm.get(2).toString());

        List<JSONObject> pinned = options(post(j, CONFIGURER, BUILDER + "fillReleaseUuidItems", "credentialsId", CREDENTIAL,
                "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", DemoWorkflows.HAS_A_FORM_FIRST_RELEASE));
        assertTrue(pinned.get(2).optBoolean("selected"));
        assertFalse(pinned.get(0).optBoolean("selected"));

        List<JSONObject> other = options(post(j, CONFIGURER, STEP + "fillReleaseUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.FAILS_AT_NODE, "releaseUuid", ""));
        assertEquals(List.of("", DemoWorkflows.deployedReleaseOf(DemoWorkflows.FAILS_AT_NODE)), values(other));

        List<JSONObject> nothingDeployed = options(post(j, CONFIGURER, STEP + "fillReleaseUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.NO_DEPLOYED_RELEASE, "releaseUuid", ""));
        assertEquals(Messages.CargoChoices_NoneDeployed(), nothingDeployed.get(0).getString("name"));
        assertEquals(2, nothingDeployed.size(), "the blank choice and the draft");
    }

    @Test
    void theGlobalDefaultCredentialIsUsedWhenNoneIsChosen() throws Exception {
        List<JSONObject> none = options(post(j, CONFIGURER, STEP + "fillWorkflowUuidItems", "credentialsId", "", "workflowUuid", ""));
        assertEquals(List.of(""), values(none), "no credential: nothing to read Cargo with");
        assertEquals(0, sim.requests(Endpoint.TOOLS).size());

        CargoGlobalConfiguration.get().setDefaultCredentialsId(CREDENTIAL);
        List<JSONObject> byDefault = options(post(j, CONFIGURER, STEP + "fillWorkflowUuidItems", "credentialsId", "", "workflowUuid", ""));
        assertEquals(DemoWorkflows.all().size() + 1, byDefault.size());
    }

    @Test
    void whoMayNotConfigureTheJobGetsTheCurrentValueAloneAndCargoIsNotAsked() throws Exception {
        for (String user : List.of(READER, CREDENTIAL_USER)) {
            assertEquals(List.of(DemoWorkflows.HAS_A_FORM), values(options(post(j, user, BUILDER + "fillWorkflowUuidItems",
                    "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM))));
            assertEquals(List.of(""), values(options(post(j, user, STEP + "fillReleaseUuidItems",
                    "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", ""))));
            assertEquals("<div/>", post(j, user, STEP + "checkData", "value", "{\"tier\": \"bronze\"}",
                    "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", "").body().strip());
        }
        assertEquals(0, sim.requests(Endpoint.ANY).size(), "Cargo was not asked");
    }

    @Test
    void outsideAJobOnlyAdministratorsGetTheLists() throws Exception {
        List<JSONObject> forAdmin = options(post(j, ADMIN, ROOT_STEP + "fillWorkflowUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", ""));
        assertEquals(DemoWorkflows.all().size() + 1, forAdmin.size());

        List<JSONObject> forConfigurer = options(post(j, CONFIGURER, ROOT_STEP + "fillWorkflowUuidItems",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.SUCCEEDS));
        assertEquals(List.of(DemoWorkflows.SUCCEEDS), values(forConfigurer));
        assertEquals(1, sim.requests(Endpoint.TOOLS).size());
    }

    @Test
    void aTokenCargoRefusesKeepsTheCurrentValueWithAWarningThatNeverQuotesIt() throws Exception {
        addToJenkins(secretText("wrong-token", "wrong-secret-51c0ab"));

        Answer answer = post(j, CONFIGURER, STEP + "fillWorkflowUuidItems", "credentialsId", "wrong-token",
                "workflowUuid", DemoWorkflows.SUCCEEDS);

        // FormFillFailure: an error status the form shows under the field, keeping the options it has.
        assertEquals(500, answer.status(), answer.body());
        assertTrue(answer.body().contains("warning"), answer.body());
        assertTrue(answer.body().contains(Util.escape("The tools could not be listed, so the workflow is kept as it is.")),
                answer.body());
        assertTrue(answer.body().contains("HTTP 401"), answer.body());
        assertFalse(answer.body().contains("wrong-secret-51c0ab"), answer.body());
    }

    @Test
    void theDataIsCheckedAgainstTheFormOfTheReleaseThatWouldRun() throws Exception {
        Answer matches = post(j, CONFIGURER, STEP + "checkData", "value", "{\"domain\": \"acme.com\", \"tier\": \"gold\"}",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", "");
        assertTrue(matches.body().contains("class=\"ok\""), matches.body());
        assertTrue(matches.body().contains(Util.escape(Messages.DataCheck_Matches(FORM_RELEASE))), matches.body());

        Answer problems = post(j, CONFIGURER, BUILDER + "checkData",
                "value", "{\"employees\": \"many-marker\", \"tier\": \"bronze-marker\", \"contacts\": [{\"email\": \"jane@acme.com\"}]}",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", "");
        String body = problems.body();
        assertTrue(body.contains("class=\"error\""), body);
        assertTrue(body.contains(Util.escape(Messages.DataCheck_Problems(FORM_RELEASE))), body);
        for (String problem : List.of("data.domain is missing: \"Domain\" is required, a string.",
                "data.employees should be a number, but is a string.",
                "data.tier should be one of gold, silver, but is another string.",
                "data.contacts[0].name is missing: \"Name\" is required, a string.")) {
            assertTrue(body.contains(Util.escape(problem)), problem + " in " + body);
        }
        assertFalse(body.contains("marker") || body.contains("jane@acme.com"), "never the values: " + body);
        assertFalse(body.contains(sim.acceptedToken()));

        Answer pinned = post(j, CONFIGURER, BUILDER + "checkData", "value", "{\"domain\": \"acme.com\", \"tier\": 3}",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM,
                "releaseUuid", DemoWorkflows.HAS_A_FORM_FIRST_RELEASE);
        assertTrue(pinned.body().contains(Util.escape(Messages.DataCheck_Matches(
                "release 1.0.0 (" + DemoWorkflows.HAS_A_FORM_FIRST_RELEASE + ")"))), pinned.body());
        assertEquals(0, sim.requests(Endpoint.CREATE).size());
    }

    @Test
    void theDataCheckSaysWhenNothingIsDeployedOrTheFormCannotBeRead() throws Exception {
        Answer nothingDeployed = post(j, CONFIGURER, STEP + "checkData", "value", "{}",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.NO_DEPLOYED_RELEASE, "releaseUuid", "");
        assertTrue(nothingDeployed.body().contains("class=\"error\""), nothingDeployed.body());
        assertTrue(nothingDeployed.body().contains("has no deployed release"), nothingDeployed.body());

        Answer noForm = post(j, CONFIGURER, STEP + "checkData", "value", "{}",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.SUCCEEDS, "releaseUuid", "");
        assertTrue(noForm.body().contains(Util.escape(Messages.DataCheck_NoForm(
                "release 1.0.0 (" + DemoWorkflows.deployedReleaseOf(DemoWorkflows.SUCCEEDS) + ")"))), noForm.body());

        sim.forbid(Endpoint.DEPLOYED_RELEASE);
        Answer unreadable = post(j, CONFIGURER, STEP + "checkData", "value", "{}",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.FAILS_AT_NODE, "releaseUuid", "");
        assertTrue(unreadable.body().contains("class=\"warning\""), unreadable.body());
        assertTrue(unreadable.body().contains("HTTP 403"), unreadable.body());
    }

    @Test
    void theDataCheckLeavesCargoAloneUntilTheRunIsKnown() throws Exception {
        assertEquals("<div/>", post(j, CONFIGURER, BUILDER + "checkData", "value", "{\"domain\": \"${DOMAIN}\"}",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", "").body().strip());
        assertEquals("<div/>", post(j, CONFIGURER, BUILDER + "checkData", "value", "{}",
                "credentialsId", CREDENTIAL, "workflowUuid", "${WORKFLOW}", "releaseUuid", "").body().strip());
        assertEquals("<div/>", post(j, CONFIGURER, STEP + "checkData", "value", "{}",
                "credentialsId", "", "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", "").body().strip(),
                "no credential to read the form with");
        Answer broken = post(j, CONFIGURER, STEP + "checkData", "value", "{\"domain\": ",
                "credentialsId", CREDENTIAL, "workflowUuid", DemoWorkflows.HAS_A_FORM, "releaseUuid", "");
        assertTrue(broken.body().contains("class=\"error\"") && broken.body().contains("not valid JSON"), broken.body());
        assertEquals(0, sim.requests(Endpoint.ANY).size());
    }

    @Test
    void theEndpointsRefuseGet() throws Exception {
        for (String endpoint : List.of(
                BUILDER + "fillWorkflowUuidItems?credentialsId=" + CREDENTIAL,
                BUILDER + "fillReleaseUuidItems?credentialsId=" + CREDENTIAL + "&workflowUuid=" + DemoWorkflows.HAS_A_FORM,
                BUILDER + "checkData?value=%7B%7D&credentialsId=" + CREDENTIAL + "&workflowUuid=" + DemoWorkflows.HAS_A_FORM,
                STEP + "fillWorkflowUuidItems?credentialsId=" + CREDENTIAL,
                STEP + "fillReleaseUuidItems?credentialsId=" + CREDENTIAL + "&workflowUuid=" + DemoWorkflows.HAS_A_FORM,
                STEP + "checkData?value=%7B%7D&credentialsId=" + CREDENTIAL + "&workflowUuid=" + DemoWorkflows.HAS_A_FORM)) {
            int status = get(j, ADMIN, endpoint).status();
            assertTrue(status == 404 || status == 405, endpoint + " answered a GET with " + status);
        }
        assertEquals(0, sim.requests(Endpoint.ANY).size());
    }

    /** The options of a list box answer: {@code {"values": [{"name", "value", "selected"}]}}. */
    private static List<JSONObject> options(Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        JSONArray values = JSONObject.fromObject(answer.body()).getJSONArray("values");
        List<JSONObject> options = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            options.add(values.getJSONObject(i));
        }
        return options;
    }

    private static List<String> values(List<JSONObject> options) {
        return options.stream().map(o -> o.getString("value")).toList();
    }
}
