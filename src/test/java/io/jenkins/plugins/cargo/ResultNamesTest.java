package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.cargo.run.BuildResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultNamesTest {
    @Test
    void theFourResultsInAnyCase() {
        assertEquals(List.of("SUCCESS", "UNSTABLE", "FAILURE", "ABORTED"), ResultNames.NAMES);
        for (BuildResult result : BuildResult.values()) {
            assertEquals(result, ResultNames.parse("resultOnError", result.name(), BuildResult.FAILURE));
            assertEquals(result, ResultNames.parse("resultOnError", " " + result.name().toLowerCase() + " ", BuildResult.FAILURE));
        }
    }

    @Test
    void blankMeansTheDefault() {
        assertEquals(BuildResult.UNSTABLE, ResultNames.parse("resultOnSkipped", null, BuildResult.UNSTABLE));
        assertEquals(BuildResult.ABORTED, ResultNames.parse("resultOnCancelled", " ", BuildResult.ABORTED));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertEquals("resultOnCancelled is 'NOT_BUILT'; use SUCCESS, UNSTABLE, FAILURE or ABORTED.",
                assertThrows(IllegalArgumentException.class,
                        () -> ResultNames.parse("resultOnCancelled", "NOT_BUILT", BuildResult.ABORTED)).getMessage());
        String longValue = "x".repeat(100);
        assertEquals("resultOnError is '" + "x".repeat(40) + "…'; use SUCCESS, UNSTABLE, FAILURE or ABORTED.",
                assertThrows(IllegalArgumentException.class,
                        () -> ResultNames.parse("resultOnError", longValue, BuildResult.FAILURE)).getMessage());
    }
}
