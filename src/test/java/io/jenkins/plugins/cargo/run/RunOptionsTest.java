package io.jenkins.plugins.cargo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
    private static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";

    private static String error(RunOptions.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void defaultsWaitFiveSecondsApartForAnHourAndCancelAtTheEnd() {
        RunOptions options = RunOptions.builder(WORKFLOW, Map.of("a", 1)).build();
        assertTrue(options.waitForRun());
        assertEquals(Duration.ofSeconds(5), options.waitPolicy().pollInterval());
        assertEquals(Duration.ofMinutes(60), options.waitPolicy().timeout());
        assertTrue(options.waitPolicy().cancelOnTimeout());
        assertEquals(OutcomeMapping.defaults(), options.waitPolicy().mapping());
        assertEquals(List.of(), options.warnings());
        assertNull(options.releaseUuid());
    }

    @Test
    void uuidsAreCheckedAndNamed() {
        assertTrue(error(RunOptions.builder(null, Map.of())).startsWith("workflowUuid is missing."));
        assertTrue(error(RunOptions.builder("my-tool", Map.of())).startsWith("workflowUuid 'my-tool' is not a UUID."));
        assertTrue(error(RunOptions.builder(WORKFLOW, Map.of()).releaseUuid("v2"))
                .startsWith("releaseUuid 'v2' is not a UUID."));
        assertNull(RunOptions.builder(WORKFLOW, Map.of()).releaseUuid(" ").build().releaseUuid());
        assertEquals(WORKFLOW, RunOptions.builder(" " + WORKFLOW + "\n", Map.of()).build().workflowUuid());
    }

    @Test
    void thePollIntervalHasAFloorAndACeiling() {
        assertTrue(error(RunOptions.builder(WORKFLOW, Map.of()).pollIntervalSeconds(1))
                .startsWith("pollIntervalSeconds is 1; use a value from 2 to 600 seconds"));
        assertTrue(error(RunOptions.builder(WORKFLOW, Map.of()).pollIntervalSeconds(601)).startsWith("pollIntervalSeconds is 601"));
        assertEquals(Duration.ofSeconds(2),
                RunOptions.builder(WORKFLOW, Map.of()).pollIntervalSeconds(2).build().waitPolicy().pollInterval());
    }

    @Test
    void aNegativeTimeoutIsRefusedAndZeroMeansNone() {
        assertTrue(error(RunOptions.builder(WORKFLOW, Map.of()).timeoutMinutes(-1))
                .contains("or 0 to wait without a limit"));
        assertTrue(!RunOptions.builder(WORKFLOW, Map.of()).timeoutMinutes(0).build().waitPolicy().hasTimeout());
    }

    @Test
    void dataThatIsNotAnObjectIsAllowedWithAWarning() {
        RunOptions options = RunOptions.builder(WORKFLOW, List.of("a")).build();
        assertEquals("[\"a\"]", options.data().json());
        assertTrue(options.warnings().get(0).startsWith("data is not a JSON object."), options.warnings().toString());
    }

    @Test
    void badDataIsRefusedWithItsPath() {
        assertTrue(error(RunOptions.builder(WORKFLOW, Map.of("x", new Object()))).startsWith("data.x is a java.lang.Object"));
    }

    @Test
    void resultsPerStatusAreConfigurable() {
        OutcomeMapping mapping = RunOptions.builder(WORKFLOW, Map.of())
                .resultOnError(BuildResult.UNSTABLE)
                .resultOnCancelled(BuildResult.FAILURE)
                .resultOnSkipped(BuildResult.SUCCESS)
                .build()
                .waitPolicy()
                .mapping();
        assertEquals(BuildResult.UNSTABLE, mapping.onError());
        assertEquals(BuildResult.FAILURE, mapping.onCancelled());
        assertEquals(BuildResult.SUCCESS, mapping.onSkipped());
    }
}
