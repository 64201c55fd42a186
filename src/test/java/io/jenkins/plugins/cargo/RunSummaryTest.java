package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jenkins.plugins.cargo.api.RunStatus;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.RunOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message of the error a failed run gives the build. */
class RunSummaryTest {
    private final WatchDriver driver = new WatchDriver();

    @Test
    void aRunInErrorNamesTheRunItsStatusTheFailingNodeAndCargosMessage() {
        driver.cargo.endNextRuns(RunStatus.ERROR, "Node enrich-company failed: Provider timed out after 30 s",
                ScriptedCargo.execution("enrich-company", "Enrich company", "error", "0.5", "Provider timed out after 30 s"));
        RunOutcome outcome = driver.outcome(true);

        String summary = RunSummary.of(ended(outcome));

        assertEquals("Cargo run " + outcome.runUuid() + " ended with status error; build result FAILURE."
                + " Failing node: enrich-company (Enrich company): Provider timed out after 30 s"
                + " Cargo says: Node enrich-company failed: Provider timed out after 30 s", summary);
        assertFalse(summary.contains("acme.com"), "never the data");
        assertFalse(summary.contains("87"), "never the output");
    }

    @Test
    void aFailedChildRunIsNamedWithItsFailingNodeAndTheIntegration() {
        String child = driver.cargo.addFinishedRun("c0ffee00-0000-4000-8000-000000000008", RunStatus.ERROR, null,
                ScriptedCargo.execution("lookup-crm", "Look up CRM", "error", "0.01", "No contact\nmatches"));
        driver.cargo.traceNextRuns("error", "2.01").endNextRuns(RunStatus.ERROR, null,
                ScriptedCargo.execution("verify-contact", "Verify contact", "error", "0", "The tool's run failed")
                        .withNode("hubspot", "lookup", child));
        RunOutcome outcome = driver.outcome(true);

        assertEquals("Cargo run " + outcome.runUuid() + " ended with status error; build result FAILURE."
                + " Failing node: verify-contact (Verify contact) through the hubspot integration: The tool's run failed"
                + " It ran child run " + child + ", which failed at node lookup-crm: No contact matches",
                RunSummary.of(ended(outcome)));
    }

    @Test
    void aChildRunThatCouldNotBeReadIsStillNamed() {
        driver.cargo.endNextRuns(RunStatus.ERROR, null, ScriptedCargo.execution("verify-contact", "Verify contact", "error",
                "0", null).withNode(null, null, "59893fbe-0000-4000-8000-000000000000"));
        driver.cargo.traceNextRuns("error", "0");
        RunOutcome outcome = driver.outcome(true);

        assertEquals("Cargo run " + outcome.runUuid() + " ended with status error; build result FAILURE."
                + " Failing node: verify-contact (Verify contact)."
                + " It ran child run 59893fbe-0000-4000-8000-000000000000; look at that run in Cargo for why it failed.",
                RunSummary.of(ended(outcome)));
    }

    @Test
    void aDegradedRunThatFailsTheBuildSaysItWasDegraded() {
        driver.cargo.traceNextRuns("degraded", "1").endNextRuns(RunStatus.SUCCESS, null,
                ScriptedCargo.execution("enrich-company", "Enrich company", "error", "0", "Provider timed out"));
        RunOptions failOnNodeError = RunOptions.builder(WatchDriver.WORKFLOW, Map.of()).failOnExecutionError(true).build();
        RunOutcome outcome = driver.finish(driver.watcher.start(failOnNodeError, driver.cargo, driver.host));

        assertEquals("Cargo run " + outcome.runUuid() + " ended with status success; build result FAILURE."
                + " Cargo's trace is degraded: a node failed and its fallback ran."
                + " Failing node: enrich-company (Enrich company): Provider timed out", RunSummary.of(ended(outcome)));
    }

    @Test
    void aCancelledRunSaysItsResult() {
        driver.cargo.endNextRuns(RunStatus.CANCELLED, null);
        RunOutcome outcome = driver.outcome(true);
        assertEquals("Cargo run " + outcome.runUuid() + " ended with status cancelled; build result ABORTED.",
                RunSummary.of(ended(outcome)));
    }

    @Test
    void aTimeoutSaysSoWithTheLastStatus() {
        driver.cargo.endNextRuns(null, null);
        RunOptions options = RunOptions.builder(WatchDriver.WORKFLOW, Map.of()).timeoutMinutes(1).cancelOnTimeout(false).build();
        RunOutcome outcome = driver.finish(driver.watcher.start(options, driver.cargo, driver.host));

        assertEquals("Cargo run " + outcome.runUuid() + " did not finish within timeoutMinutes (last status running);"
                + " build result FAILURE.", RunSummary.of(ended(outcome)));
    }

    @Test
    void cargosTextsAreShownOnOneShortLine() {
        assertEquals("a b c", RunSummary.oneLine("  a\n b\t\tc "));
        assertEquals("x".repeat(200) + "…", RunSummary.oneLine("x".repeat(300)));
    }

    private static CargoRunRecord ended(RunOutcome outcome) {
        return CargoRunRecord.forCreate(CargoRunRecord.Origin.PIPELINE_STEP, "https://api.getcargo.io", null,
                WatchDriver.WORKFLOW, null).ended(outcome);
    }
}
