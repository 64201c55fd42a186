package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The releases endpoints: one by uuid, a workflow's deployed one, the list, and how often each was read. */
class ReleasesTest extends ManualClockSimulator {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";
    private static final String OTHER_WORKFLOW = "7a1c2d3e-4f50-4617-8829-9a0b1c2d3e4f";
    private static final String RELEASES = "/v1/orchestration/releases/";

    @Test
    void getByUuidServesTheReleaseWithItsForm() throws Exception {
        SimRelease release = sim.addRelease(WORKFLOW, SimRelease.deployed("2.0.0",
                        FormField.of("string", "domain", "Domain").required().withPlaceholder("acme.com"),
                        FormField.enumOf("tier", "Tier", "gold", "silver"),
                        FormField.arrayOf("contacts", "Contacts", FormField.of("string", "name", "Name").required()))
                .withDescription("Second"));

        JsonNode served = http.readOk(RELEASES + release.uuid()).get("release");

        assertEquals(release.uuid(), served.get("uuid").asText());
        assertEquals(WORKFLOW, served.get("workflowUuid").asText());
        assertEquals(sim.workspaceUuid(), served.get("workspaceUuid").asText());
        assertEquals("deployed", served.get("status").asText());
        assertEquals("2.0.0", served.get("version").asText());
        assertEquals("Second", served.get("description").asText());
        assertEquals(RunJson.timestamp(T0), served.get("deployedAt").asText());
        assertEquals(RunJson.timestamp(T0), served.get("createdAt").asText());
        assertEquals(0, served.get("nodes").size());
        assertEquals(0, served.get("testRecords").size());
        assertEquals("{\"name\":\"Domain\",\"placeholder\":\"acme.com\",\"isRequired\":true,\"slug\":\"domain\","
                + "\"kind\":\"string\"}", served.get("formFields").get(0).toString());
        assertEquals("{\"name\":\"Tier\",\"slug\":\"tier\",\"kind\":\"enum\",\"enum\":[\"gold\",\"silver\"]}",
                served.get("formFields").get(1).toString());
        assertEquals("{\"name\":\"Contacts\",\"slug\":\"contacts\",\"kind\":\"array\",\"fields\":[{\"name\":\"Name\","
                + "\"isRequired\":true,\"slug\":\"name\",\"kind\":\"string\"}]}", served.get("formFields").get(2).toString());
    }

    @Test
    void aReleaseWithoutAFormHasNullFormFieldsAndADraftNoDeployedAt() throws Exception {
        SimRelease noForm = sim.addRelease(WORKFLOW, SimRelease.deployed("1").withoutForm());
        SimRelease draft = sim.addRelease(WORKFLOW, SimRelease.draft());

        assertTrue(http.readOk(RELEASES + noForm.uuid()).get("release").get("formFields").isNull());
        JsonNode servedDraft = http.readOk(RELEASES + draft.uuid()).get("release");
        assertEquals("draft", servedDraft.get("status").asText());
        assertTrue(servedDraft.get("version").isNull());
        assertTrue(servedDraft.get("deployedAt").isNull());
    }

    @Test
    void unknownReleaseIs404WithAnErrorMessageAndNoReason() throws Exception {
        HttpResponse<String> response = http.read(RELEASES + "00000000-0000-4000-8000-000000000000");

        assertEquals(404, response.statusCode());
        assertEquals("{\"errorMessage\":\"Release not found.\"}", response.body());
    }

    @Test
    void deployedIsTheWorkflowsDeployedReleaseOr404ReleaseNotFound() throws Exception {
        sim.addRelease(WORKFLOW, SimRelease.draft());
        SimRelease deployed = sim.addRelease(WORKFLOW, SimRelease.deployed("1.0.0"));
        sim.addRelease(OTHER_WORKFLOW, SimRelease.draft());

        JsonNode served = http.readOk(RELEASES + "deployed?workflowUuid=" + WORKFLOW).get("release");
        HttpResponse<String> none = http.read(RELEASES + "deployed?workflowUuid=" + OTHER_WORKFLOW);
        HttpResponse<String> unknown = http.read(RELEASES + "deployed?workflowUuid=11111111-2222-4333-8444-555555555555");
        HttpResponse<String> missing = http.read(RELEASES + "deployed");

        assertEquals(deployed.uuid(), served.get("uuid").asText());
        assertEquals(0, served.get("formFields").size(), "an empty form, not none");
        assertEquals(404, none.statusCode());
        assertEquals("{\"reason\":\"releaseNotFound\"}", none.body());
        assertEquals(404, unknown.statusCode());
        assertEquals(400, missing.statusCode());
        assertEquals("invalidData", SimHttp.json(missing).get("reason").asText());
    }

    @Test
    void deployingAnotherReleaseArchivesTheOneDeployedBefore() throws Exception {
        SimRelease first = sim.addRelease(WORKFLOW, SimRelease.deployed("1.0.0"));
        clock.advance(Duration.ofMinutes(5));
        SimRelease second = sim.addRelease(WORKFLOW, SimRelease.deployed("2.0.0"));

        JsonNode archived = http.readOk(RELEASES + first.uuid()).get("release");

        assertEquals(second.uuid(), http.readOk(RELEASES + "deployed?workflowUuid=" + WORKFLOW)
                .get("release").get("uuid").asText());
        assertEquals("archived", archived.get("status").asText());
        assertEquals(RunJson.timestamp(T0), archived.get("deployedAt").asText(), "when it was deployed");
        assertEquals(RunJson.timestamp(T0.plus(Duration.ofMinutes(5))), archived.get("updatedAt").asText());
        assertThrows(IllegalArgumentException.class, () -> sim.addRelease(OTHER_WORKFLOW, first), "uuids are unique");
    }

    @Test
    void listFiltersByWorkflowAndStatusesNewestFirstAndPages() throws Exception {
        SimRelease one = sim.addRelease(WORKFLOW, SimRelease.deployed("1"));
        clock.advance(Duration.ofSeconds(1));
        SimRelease two = sim.addRelease(WORKFLOW, SimRelease.deployed("2"));
        clock.advance(Duration.ofSeconds(1));
        SimRelease draft = sim.addRelease(WORKFLOW, SimRelease.draft());
        SimRelease other = sim.addRelease(OTHER_WORKFLOW, SimRelease.deployed("9"));

        String base = RELEASES + "list?workflowUuid=" + WORKFLOW;
        assertEquals(List.of(draft.uuid(), two.uuid(), one.uuid()), uuids(http.readOk(base)));
        // How Cargo's client encodes statuses: ["deployed"] (fetcher/params.js).
        assertEquals(List.of(two.uuid()), uuids(http.readOk(base + "&statuses%5B%5D=deployed")));
        assertEquals(List.of(two.uuid(), one.uuid()),
                uuids(http.readOk(base + "&statuses%5B%5D=deployed&statuses%5B%5D=archived")));
        assertEquals(List.of(two.uuid()), uuids(http.readOk(base + "&statuses[]=deployed")), "brackets unencoded");
        assertEquals(List.of(two.uuid()), uuids(http.readOk(base + "&limit=1&offset=1")));
        assertEquals(List.of(other.uuid(), draft.uuid(), two.uuid(), one.uuid()),
                uuids(http.readOk(RELEASES + "list")), "every workflow's");
        assertEquals(List.of(), uuids(http.readOk(base + "&userUuid=11111111-2222-4333-8444-555555555555")));
        assertEquals(3, uuids(http.readOk(base + "&userUuid="
                + http.readOk(RELEASES + one.uuid()).get("release").get("userUuid").asText())).size());
    }

    @Test
    void listRefusesBadQueries() throws Exception {
        for (String bad : List.of("statuses%5B%5D=live", "limit=-1", "limit=ten", "offset=1.5",
                "workflowUuid=a&workflowUuid=b")) {
            HttpResponse<String> response = http.read(RELEASES + "list?" + bad);
            assertEquals(400, response.statusCode(), bad);
            assertEquals("invalidData", SimHttp.json(response).get("reason").asText(), bad);
        }
    }

    @Test
    void countsReadsOfEachReleaseAndOfEachWorkflowsDeployedRelease() throws Exception {
        SimRelease release = sim.addRelease(WORKFLOW, SimRelease.deployed("1"));
        for (int i = 0; i < 3; i++) {
            http.readOk(RELEASES + release.uuid());
        }
        http.readOk(RELEASES + "deployed?workflowUuid=" + WORKFLOW);
        http.read(RELEASES + "deployed?workflowUuid=" + OTHER_WORKFLOW);
        http.read(RELEASES + "deployed?workflowUuid=" + OTHER_WORKFLOW);
        http.readOk(RELEASES + "list?workflowUuid=" + WORKFLOW);

        assertEquals(3, sim.releaseReads(release.uuid()));
        assertEquals(1, sim.deployedReleaseReads(WORKFLOW), "the uuid read is counted apart");
        assertEquals(2, sim.deployedReleaseReads(OTHER_WORKFLOW), "releaseNotFound answers count");
        assertEquals(0, sim.releaseReads("00000000-0000-4000-8000-000000000000"));
    }

    @Test
    void formReadsCanBeForbiddenOrFailAndThoseAreNotCountedAsReads() throws Exception {
        SimRelease release = sim.addRelease(WORKFLOW, SimRelease.deployed("1"));
        String deployed = RELEASES + "deployed?workflowUuid=" + WORKFLOW;

        sim.forbid(Endpoint.RELEASE, Endpoint.DEPLOYED_RELEASE);
        HttpResponse<String> forbidden = http.read(deployed);
        HttpResponse<String> forbiddenByUuid = http.read(RELEASES + release.uuid());
        sim.permit(Endpoint.RELEASE, Endpoint.DEPLOYED_RELEASE);
        sim.faultEvery(Endpoint.DEPLOYED_RELEASE, Fault.status(500, "{\"errorMessage\":\"Internal error\"}"));
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failing.add(http.read(deployed).statusCode());
        }
        sim.faultEvery(Endpoint.DEPLOYED_RELEASE, null);

        assertEquals(403, forbidden.statusCode());
        assertEquals("{\"errorMessage\":\"forbidden\"}", forbidden.body());
        assertEquals(403, forbiddenByUuid.statusCode());
        assertEquals(List.of(500, 500, 500), failing);
        assertEquals(200, http.read(deployed).statusCode());
        assertEquals(1, sim.deployedReleaseReads(WORKFLOW));
        assertEquals(0, sim.releaseReads(release.uuid()));
        assertEquals(5, sim.requests(Endpoint.DEPLOYED_RELEASE).size(), "every request is still recorded");
        assertEquals(1, sim.requests(Endpoint.RELEASE).size());
    }

    @Test
    void aWrongTokenIs401EvenWhenForbidden() throws Exception {
        sim.forbid(Endpoint.DEPLOYED_RELEASE);

        assertEquals(401, http.readWithToken(RELEASES + "deployed?workflowUuid=" + WORKFLOW, "another").statusCode());
        assertThrows(IllegalArgumentException.class, () -> sim.forbid(Endpoint.ANY));
        assertThrows(IllegalArgumentException.class, () -> sim.faultEvery(Endpoint.ANY, Fault.forbidden()));
    }

    @Test
    void draftIsNotServedAndRoutesAreClassified() throws Exception {
        assertEquals(404, http.read(RELEASES + "draft?workflowUuid=" + WORKFLOW).statusCode());
        assertEquals(Endpoint.OTHER, sim.requests().get(0).endpoint());
        assertEquals(Endpoint.RELEASE, Endpoint.of("GET", RELEASES + "abc"));
        assertEquals(Endpoint.DEPLOYED_RELEASE, Endpoint.of("GET", RELEASES + "deployed?workflowUuid=x"));
        assertEquals(Endpoint.RELEASES, Endpoint.of("GET", RELEASES + "list"));
        assertEquals(Endpoint.OTHER, Endpoint.of("POST", RELEASES + "list"));
        assertEquals(Endpoint.OTHER, Endpoint.of("GET", RELEASES + "abc/def"));
    }

    @Test
    void formFieldsAndReleasesRefuseWhatCargosTypesDoNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> FormField.of("enum", "tier", "Tier"));
        assertThrows(IllegalArgumentException.class, () -> FormField.of("text", "tier", "Tier"));
        assertThrows(IllegalArgumentException.class,
                () -> new FormField("a", "A", "string", null, null, null, List.of("x"), null));
        assertThrows(IllegalArgumentException.class,
                () -> new SimRelease("00000000-0000-4000-8000-000000000000", "live", null, null, null, null));
        assertFalse(SimRelease.draft().uuid().equals(SimRelease.draft().uuid()));
    }

    private static List<String> uuids(JsonNode reply) {
        List<String> uuids = new ArrayList<>();
        reply.get("releases").forEach(release -> uuids.add(release.get("uuid").asText()));
        return uuids;
    }
}
