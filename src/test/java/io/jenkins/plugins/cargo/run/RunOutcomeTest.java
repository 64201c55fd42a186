package io.jenkins.plugins.cargo.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoExecution;
import io.jenkins.plugins.cargo.api.CargoRun;
import io.jenkins.plugins.cargo.api.RunStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {
    private static CargoRun failedRun() {
        Instant created = Instant.parse("2026-11-29T10:00:00Z");
        return CargoRun.builder("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", RunStatus.ERROR)
                .workflowUuid("0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f")
                .errorMessage("Node enrich failed")
                .executions(List.of(
                        new CargoExecution("n1", "start", "native", "Start", RunStatus.SUCCESS, null, null, created, created),
                        new CargoExecution("n2", "enrich", "tool", "Enrich", RunStatus.ERROR, "timeout", new BigDecimal("0.25"),
                                created, created.plusSeconds(80))))
                .createdAt(created)
                .finishedAt(created.plusSeconds(83))
                .output(Map.of("end", Map.of("score", 1)))
                .build();
    }

    @Test
    void theMapHoldsOnlyPlainValues() {
        Map<String, Object> map = RunOutcome.of(failedRun(), EndReason.FINISHED, WaitPolicy.defaults()).toMap();
        assertEquals("error", map.get("status"));
        assertEquals("FAILURE", map.get("result"));
        assertEquals("FINISHED", map.get("endReason"));
        assertEquals(Map.of("nodeSlug", "enrich", "title", "Enrich", "errorMessage", "timeout"), map.get("failedExecution"));
        assertEquals(83_000L, map.get("durationMillis"));
        assertEquals("2026-11-29T10:00:00Z", map.get("createdAt"));
        assertEquals(new BigDecimal("0.25"), map.get("creditsUsed"));
        assertEquals(2, ((List<?>) map.get("executions")).size());
        assertPlain(map);
    }

    @Test
    void itSurvivesSerialization() throws Exception {
        RunOutcome outcome = RunOutcome.of(failedRun(), EndReason.FINISHED, WaitPolicy.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(outcome);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            RunOutcome back = (RunOutcome) in.readObject();
            assertEquals(outcome.toMap(), back.toMap());
        }
    }

    @Test
    void abortAndTimeoutDecideTheResultWhateverTheStatus() {
        CargoRun run = CargoRun.builder("r", RunStatus.SUCCESS).build();
        assertEquals(BuildResult.ABORTED, RunOutcome.of(run, EndReason.ABORTED, WaitPolicy.defaults()).result());
        assertEquals(BuildResult.FAILURE, RunOutcome.of(run, EndReason.TIMED_OUT, WaitPolicy.defaults()).result());
        RunOutcome notWaited = RunOutcome.of(CargoRun.builder("r", RunStatus.PENDING).build(), EndReason.NOT_WAITED,
                WaitPolicy.defaults());
        assertEquals(BuildResult.SUCCESS, notWaited.result());
        assertNull(notWaited.toMap().get("failedExecution"));
    }

    private static void assertPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertTrue(k instanceof String);
                assertPlain(v);
            });
            return;
        }
        if (value instanceof Collection<?> list) {
            list.forEach(RunOutcomeTest::assertPlain);
            return;
        }
        throw new AssertionError("not a plain value: " + value.getClass());
    }
}
