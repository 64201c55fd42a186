package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.RunStatus;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.WatchState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a build's action knows of its run, step by step, and what it never holds. */
class CargoRunRecordTest {
    private static final String API = "https://api.getcargo.io";

    private final WatchDriver driver = new WatchDriver();

    @Test
    void aNewRunIsLiveBeforeAnythingIsSent() {
        CargoRunRecord record = newRecord();
        assertTrue(record.isLive());
        assertFalse(record.isEnded());
        assertNull(record.getRunUuid());
        assertEquals(WatchDriver.WORKFLOW, record.getWorkflowUuid());
        assertEquals("cargo-token", record.getCredentialsId());
        assertEquals(API, record.getApiUrl());
        assertTrue(record.needsCancelAfterBuildEnded());
    }

    @Test
    void eachSavedStateShowsTheRunAtOnce() {
        RunWatch watch = driver.start(true);
        driver.time.runDue();
        CargoRunRecord record = newRecord();
        for (WatchState state : driver.saved) {
            record = record.withWatchState(state, WatchStateCodec.encode(state));
        }
        assertEquals(watch.runUuid(), record.getRunUuid());
        assertEquals("running", record.getStatus());
        assertNotNull(record.watchState());
        assertTrue(record.isLive());
    }

    @Test
    void anOutcomeEndsTheRecordWithWhatThePageShows() {
        driver.cargo.endNextRuns(RunStatus.ERROR, "Node enrich-company failed: Provider timed out",
                ScriptedCargo.execution("start", "Start", "success", "0", null),
                ScriptedCargo.execution("enrich-company", "Enrich company", "error", "0.5", "Provider timed out"));
        RunOutcome outcome = driver.outcome(true);

        CargoRunRecord record = stateOf(newRecord()).ended(outcome);

        assertFalse(record.isLive());
        assertTrue(record.isEnded());
        assertFalse(record.needsCancelAfterBuildEnded());
        assertEquals(outcome.runUuid(), record.getRunUuid());
        assertEquals("error", record.getStatus());
        assertEquals(BuildResult.FAILURE, record.getResult());
        assertEquals(EndReason.FINISHED, record.getEndReason());
        assertEquals(new BigDecimal("0.5"), record.getCreditsUsed());
        assertEquals("enrich-company (Enrich company)", record.getFailedNode());
        assertEquals("Provider timed out", record.getFailedNodeError());
        assertEquals("Node enrich-company failed: Provider timed out", record.getErrorMessage());
    }

    @Test
    void anOutcomeKeepsTheTraceTheIntegrationAndWhereTheChildRunFailed() {
        String child = driver.cargo.addFinishedRun("c0ffee00-0000-4000-8000-000000000008", RunStatus.ERROR,
                "Node lookup-crm failed", ScriptedCargo.execution("lookup-crm", "Look up CRM", "error", "0.01",
                        "No contact matches"));
        driver.cargo.traceNextRuns("error", "2.01").endNextRuns(RunStatus.ERROR, "Node verify-contact failed",
                ScriptedCargo.execution("verify-contact", "Verify contact", "error", "0", "The tool's run failed")
                        .withNode("hubspot", "lookup", child));
        RunOutcome outcome = driver.outcome(true);

        CargoRunRecord record = stateOf(newRecord()).ended(outcome);

        assertEquals(new BigDecimal("2.01"), record.getCreditsUsed(), "the trace's count, the child run's included");
        assertTrue(record.isCreditsFromTrace());
        assertEquals("error", record.getTraceStatus());
        assertFalse(record.isDegraded());
        assertEquals("hubspot", record.getFailedNodeIntegration());
        assertEquals(child, record.getChildRunUuid());
        assertEquals("lookup-crm", record.getChildFailedNode());
        assertEquals("No contact matches", record.getChildError());
    }

    @Test
    void aDegradedSuccessSaysSoAndARunWithoutTraceCountsItsOwnCredits() {
        driver.cargo.traceNextRuns("degraded", "1").endNextRuns(RunStatus.SUCCESS, null,
                ScriptedCargo.execution("enrich-company", "Enrich company", "error", "0", "Provider timed out"),
                ScriptedCargo.execution("enrich-company-fallback", "Fallback", "success", "1", null));
        CargoRunRecord degraded = newRecord().ended(driver.outcome(true));
        assertTrue(degraded.isDegraded());
        assertEquals("degraded", degraded.getTraceStatus());
        assertNull(degraded.getChildRunUuid());

        WatchDriver plain = new WatchDriver();
        plain.cargo.endNextRuns(RunStatus.SUCCESS, null, ScriptedCargo.execution("start", "Start", "success", "0.5", null));
        CargoRunRecord untraced = newRecord().ended(plain.outcome(true));
        assertFalse(untraced.isCreditsFromTrace());
        assertNull(untraced.getTraceStatus());
        assertEquals(new BigDecimal("0.5"), untraced.getCreditsUsed());
    }

    @Test
    void aStateSavedAfterTheEndDoesNotMakeTheRunLookRunning() {
        RunOutcome outcome = driver.outcome(true);
        WatchState early = driver.saved.get(1);
        CargoRunRecord record = newRecord().ended(outcome).withWatchState(early, WatchStateCodec.encode(early));
        assertEquals("success", record.getStatus());
        assertFalse(record.isLive());
        assertEquals(BuildResult.SUCCESS, record.getResult());
    }

    @Test
    void aRunNotWaitedForIsNoLongerLive() {
        RunOutcome outcome = driver.outcome(false);
        CargoRunRecord record = newRecord().ended(outcome);
        assertFalse(record.isLive());
        assertEquals(EndReason.NOT_WAITED, record.getEndReason());
        assertEquals(BuildResult.SUCCESS, record.getResult());
    }

    @Test
    void aFailureEndsTheRecordWithItsMessage() {
        CargoRunRecord record = newRecord().failed("Cargo refused the API token.");
        assertFalse(record.isLive());
        assertTrue(record.isEnded());
        assertEquals("Cargo refused the API token.", record.getFailure());
        assertNull(record.getResult());
    }

    @Test
    void aRunStartedWithoutWaitingIsFollowedAgainByTheSameRecord() {
        RunOutcome notWaited = driver.outcome(false);
        CargoRunRecord joined = newRecord().ended(notWaited).joined("http://127.0.0.1:8089", null);
        assertTrue(joined.isLive());
        assertFalse(joined.isEnded());
        assertNull(joined.getEndReason());
        assertNull(joined.watchState());
        assertEquals(notWaited.runUuid(), joined.getRunUuid());
        assertEquals("http://127.0.0.1:8089", joined.getApiUrl());
        assertNull(joined.getCredentialsId());
    }

    @Test
    void aJoinRecordKnowsItsRunFromTheStart() {
        CargoRunRecord record = CargoRunRecord.forJoin(API, null, "d4a32217-7754-43b0-8ae4-d0b39281ae66", null);
        assertEquals("d4a32217-7754-43b0-8ae4-d0b39281ae66", record.getRunUuid());
        assertNull(record.getWorkflowUuid());
        assertTrue(record.isLive());
        assertEquals(CargoRunRecord.Origin.PIPELINE_STEP, record.getOrigin());
    }

    @Test
    void aBuildThatEndsFirstHasItsRunCancelledOnce() {
        CargoRunRecord live = stateOf(newRecord());
        assertTrue(live.needsCancelAfterBuildEnded());

        CargoRunRecord requested = live.cancelRequestedBecauseBuildEnded();
        assertFalse(requested.needsCancelAfterBuildEnded(), "asked once, never again");
        assertEquals(CargoRunRecord.BuildEndCancel.REQUESTED, requested.getBuildEnd());

        CargoRunRecord cancelled = requested.cancelledBecauseBuildEnded();
        assertFalse(cancelled.isLive());
        assertEquals(CargoRunRecord.BuildEndCancel.CANCELLED, cancelled.getBuildEnd());

        CargoRunRecord failed = requested.notCancelledAfterBuildEnded("Cargo refused the API token.");
        assertFalse(failed.isLive());
        assertEquals(CargoRunRecord.BuildEndCancel.FAILED, failed.getBuildEnd());
        assertEquals("Cargo refused the API token.", failed.getBuildEndProblem());

        CargoRunRecord unknown = newRecord().notCancelledAfterBuildEnded("which run is not known");
        assertEquals(CargoRunRecord.BuildEndCancel.NOT_IDENTIFIED, unknown.getBuildEnd());
    }

    @Test
    void aRecordHoldsOnlyWhatXStreamMayWriteAndNeitherDataNorOutputNorToken() {
        // JEP-200: Jenkins writes build.xml through a class filter that refuses JDK types missing from core's
        // whitelisted-classes.txt (2.541.3). String, boolean, BigDecimal and enums are on it or always allowed.
        Set<Class<?>> allowed = Set.of(String.class, boolean.class, BigDecimal.class);
        for (Field field : CargoRunRecord.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            assertTrue(allowed.contains(field.getType()) || field.getType().isEnum(), field + " may not be written by XStream");
            assertFalse(Set.of("data", "output", "token").contains(field.getName()), field.getName());
        }
        driver.cargo.endNextRuns(RunStatus.SUCCESS, null);
        RunOutcome outcome = driver.outcome(true);
        assertEquals(Map.of("score", 87), outcome.output().get("end"));
        CargoRunRecord record = stateOf(newRecord()).ended(outcome);
        for (Field field : CargoRunRecord.class.getDeclaredFields()) {
            if (field.getType() == String.class && !Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                String value = (String) get(field, record);
                if (value != null && !field.getName().equals("watchState")) {
                    assertFalse(value.contains("acme.com") || value.contains("87"), field.getName() + ": " + value);
                }
            }
        }
        assertFalse(new String(java.util.Base64.getDecoder().decode(record.watchState()), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("acme.com"), "the watch's state holds no data");
    }

    private CargoRunRecord stateOf(CargoRunRecord record) {
        if (driver.saved.isEmpty()) {
            driver.start(true);
            driver.time.runDue();
        }
        WatchState state = driver.saved.get(driver.saved.size() - 1);
        return record.withWatchState(state, WatchStateCodec.encode(state));
    }

    private static CargoRunRecord newRecord() {
        return CargoRunRecord.forCreate(CargoRunRecord.Origin.PIPELINE_STEP, API, "cargo-token", WatchDriver.WORKFLOW, null);
    }

    private static Object get(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

}
