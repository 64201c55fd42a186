package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.RunStatus;
import io.jenkins.plugins.cargo.run.BuildResult;
import io.jenkins.plugins.cargo.run.EndReason;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.WaitPolicy;
import io.jenkins.plugins.cargo.run.WatchState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A step's plan starts its watch, and after a restart goes on from the state its build's action holds:
 * never a second create.
 */
class WatchPlanTest {
    private static final String API = "https://api.getcargo.io";

    /** The controller before the restart. */
    private final WatchDriver before = new WatchDriver();
    /** The controller after it, with the same Cargo. */
    private final WatchDriver after = new WatchDriver();

    @Test
    void aCreatePlanCreatesOnceAndFollowsTheRun() {
        WatchPlan plan = WatchPlan.create(WatchDriver.options(true), true, API, null);
        RunOutcome outcome = before.finish(plan.start(before.watcher, before.cargo, before.host));
        assertEquals(1, before.cargo.count("create"));
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertEquals(CargoRunRecord.Origin.BUILD_STEP, plan.newRecord(CargoRunRecord.Origin.BUILD_STEP).getOrigin());
    }

    @Test
    void nothingSavedBeforeTheRestartMeansNothingWasSentSoItIsCreatedNow() throws Exception {
        WatchPlan plan = restarted(WatchPlan.create(WatchDriver.options(true), true, API, null));
        CargoRunRecord record = plan.newRecord(CargoRunRecord.Origin.PIPELINE_STEP);

        RunOutcome outcome = after.finish(plan.resume(after.watcher, record, after.cargo, after.host));

        assertEquals(1, after.cargo.count("create"));
        assertEquals(BuildResult.SUCCESS, outcome.result());
        assertTrue(after.console.get(0).startsWith("Jenkins restarted before the Cargo run was created"), after.console.toString());
    }

    @Test
    void aCreateThatMayHaveBeenSentIsLookedUpNeverSentAgain() throws Exception {
        WatchPlan plan = WatchPlan.create(WatchDriver.options(true), true, API, null);
        plan.start(before.watcher, before.cargo, before.host);
        before.time.runDue();
        WatchState intent = before.saved.get(0);
        assertTrue(intent.createMayHaveBeenSent());
        String made = after.cargo.addRun(WatchDriver.WORKFLOW);

        RunOutcome outcome = after.finish(restarted(plan).resume(after.watcher, recordOf(plan, intent), after.cargo, after.host));

        assertEquals(0, after.cargo.count("create"));
        assertEquals(1, after.cargo.count("find"));
        assertEquals(made, outcome.runUuid());
    }

    @Test
    void aKnownRunIsFollowed() throws Exception {
        WatchPlan plan = WatchPlan.create(WatchDriver.options(true), true, API, null);
        before.cargo.endNextRuns(null, null);
        RunWatch watch = plan.start(before.watcher, before.cargo, before.host);
        before.time.advance(java.time.Duration.ofSeconds(30));
        WatchState following = before.lastSaved();
        after.cargo.endNextRuns(RunStatus.ERROR, "boom");
        String sameRun = after.cargo.addRun(WatchDriver.WORKFLOW);
        assertEquals(watch.runUuid(), sameRun, "the scripted Cargo names runs alike, so the run exists after the restart");

        RunOutcome outcome = after.finish(restarted(plan).resume(after.watcher, recordOf(plan, following), after.cargo, after.host));

        assertEquals(0, after.cargo.count("create"));
        assertEquals(sameRun, outcome.runUuid());
        assertEquals(BuildResult.FAILURE, outcome.result());
        assertTrue(after.console.get(0).startsWith("Resuming the wait for Cargo run " + sameRun), after.console.toString());
    }

    @Test
    void aStateThatCannotBeReadFollowsTheRunTheRecordNames() throws Exception {
        WatchPlan plan = WatchPlan.create(WatchDriver.options(true), true, API, null);
        String run = after.cargo.addRun(WatchDriver.WORKFLOW);
        CargoRunRecord record = CargoRunRecord.forJoin(API, null, run, WatchDriver.WORKFLOW)
                .withWatchState(before.saved.isEmpty() ? someState() : before.lastSaved(), "AAAA");

        RunOutcome outcome = after.finish(plan.resume(after.watcher, record, after.cargo, after.host));

        assertEquals(0, after.cargo.count("create"));
        assertEquals(run, outcome.runUuid());
        assertTrue(after.console.get(0).contains("could not be read; following Cargo run " + run), after.console.toString());
    }

    @Test
    void aStateThatCannotBeReadWithoutAKnownRunFailsInsteadOfCreatingAgain() {
        WatchPlan plan = WatchPlan.create(WatchDriver.options(true), true, API, null);
        WatchState intent = intentState();
        CargoRunRecord record = plan.newRecord(CargoRunRecord.Origin.PIPELINE_STEP).withWatchState(intent, "AAAA");

        CargoException failure = assertThrows(CargoException.class, () -> plan.resume(after.watcher, record, after.cargo, after.host));

        assertTrue(failure.getMessage().contains("check the workflow's runs in Cargo"), failure.getMessage());
        assertEquals(0, after.cargo.calls.size());
    }

    @Test
    void aJoinFollowsTheRunAndJoinsAgainWhenNothingWasSaved() throws Exception {
        String run = before.cargo.addRun(WatchDriver.WORKFLOW);
        WatchPlan plan = WatchPlan.join(run, null, WaitPolicy.defaults(), true, API, "cargo-token");
        assertEquals(run, plan.newRecord(CargoRunRecord.Origin.BUILD_STEP).getRunUuid());

        RunOutcome outcome = before.finish(plan.start(before.watcher, before.cargo, before.host));
        assertEquals(run, outcome.runUuid());
        assertEquals(EndReason.FINISHED, outcome.endReason());

        String other = after.cargo.addRun(WatchDriver.WORKFLOW);
        assertEquals(run, other);
        WatchPlan joined = restarted(WatchPlan.join(run, WatchDriver.WORKFLOW, WaitPolicy.defaults(), true, API, null));
        RunOutcome resumed = after.finish(joined.resume(after.watcher, joined.newRecord(CargoRunRecord.Origin.PIPELINE_STEP),
                after.cargo, after.host));
        assertEquals(run, resumed.runUuid());
        assertEquals(0, after.cargo.count("create"));
    }

    @Test
    void aJoinChecksItsUuids() {
        assertEquals("runUuid is missing. It is the runUuid a cargoRun returned.",
                assertThrows(IllegalArgumentException.class,
                        () -> WatchPlan.join(null, null, WaitPolicy.defaults(), true, API, null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WatchPlan.join(WatchDriver.WORKFLOW, "nope", WaitPolicy.defaults(), true, API, null))
                .getMessage().startsWith("workflowUuid 'nope' is not a UUID."));
    }

    private WatchState intentState() {
        WatchDriver driver = new WatchDriver();
        driver.start(true);
        driver.time.runDue();
        return driver.saved.get(0);
    }

    private static WatchState someState() {
        WatchDriver driver = new WatchDriver();
        driver.outcome(true);
        return driver.lastSaved();
    }

    private static CargoRunRecord recordOf(WatchPlan plan, WatchState state) {
        return plan.newRecord(CargoRunRecord.Origin.PIPELINE_STEP).withWatchState(state, WatchStateCodec.encode(state));
    }

    /** The plan as the Pipeline's program state gives it back after a restart. */
    private static WatchPlan restarted(WatchPlan plan) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(plan);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (WatchPlan) in.readObject();
        }
    }
}
