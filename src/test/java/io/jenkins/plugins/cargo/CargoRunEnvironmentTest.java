package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.RunStatus;
import io.jenkins.plugins.cargo.run.RunOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables the freestyle build step leaves for the steps after it. */
class CargoRunEnvironmentTest {
    private final WatchDriver driver = new WatchDriver();

    @Test
    void theBuildStepSetsTheRunItsStatusAndItsResult() {
        driver.cargo.endNextRuns(RunStatus.SKIPPED, null);
        RunOutcome outcome = driver.outcome(true);

        Map<String, String> variables = CargoRunEnvironment.of(record(CargoRunRecord.Origin.BUILD_STEP).ended(outcome));

        assertEquals(Map.of("CARGO_RUN_UUID", outcome.runUuid(), "CARGO_RUN_STATUS", "skipped", "CARGO_RUN_RESULT", "UNSTABLE"),
                variables);
    }

    @Test
    void aRunThatWasNeverCreatedEmptiesThemSoTheLastRunWins() {
        RunOutcome first = driver.outcome(true);
        Map<String, String> env = new LinkedHashMap<>(CargoRunEnvironment.of(record(CargoRunRecord.Origin.BUILD_STEP).ended(first)));
        env.putAll(CargoRunEnvironment.of(record(CargoRunRecord.Origin.BUILD_STEP).failed("Cargo refused the API token.")));

        assertEquals(Map.of("CARGO_RUN_UUID", "", "CARGO_RUN_STATUS", "", "CARGO_RUN_RESULT", ""), env);
    }

    @Test
    void pipelineStepsSetNone() {
        RunOutcome outcome = driver.outcome(true);
        assertTrue(CargoRunEnvironment.of(record(CargoRunRecord.Origin.PIPELINE_STEP).ended(outcome)).isEmpty());
    }

    private static CargoRunRecord record(CargoRunRecord.Origin origin) {
        return CargoRunRecord.forCreate(origin, "https://api.getcargo.io", null, WatchDriver.WORKFLOW, null);
    }
}
