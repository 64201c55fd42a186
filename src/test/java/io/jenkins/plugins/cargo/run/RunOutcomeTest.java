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
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, Object> failedNode = new LinkedHashMap<>();
        failedNode.put("nodeSlug", "enrich");
        failedNode.put("title", "Enrich");
        failedNode.put("errorMessage", "timeout");
        failedNode.put("integration", null);
        failedNode.put("childRun", null);
        assertEquals(failedNode, map.get("failedNode"));
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
        assertNull(notWaited.toMap().get("failedNode"));
    }

    @Test
    void pipelineCodeMayChangeTheMapItWasGivenWithoutChangingTheOutcome() {
        RunOutcome outcome = RunOutcome.of(failedRun(), EndReason.FINISHED, WaitPolicy.defaults());
        Map<String, Object> map = outcome.toMap();
        map.put("note", "added by the script");
        @SuppressWarnings("unchecked")
        Map<String, Object> end = (Map<String, Object>) ((Map<String, Object>) map.get("output")).get("end");
        end.put("score", 2);
        @SuppressWarnings("unchecked")
        List<Object> executions = (List<Object>) map.get("executions");
        executions.add("more");

        Map<String, Object> again = outcome.toMap();
        assertNull(again.get("note"));
        assertEquals(Map.of("score", 1), ((Map<?, ?>) again.get("output")).get("end"));
        assertEquals(2, ((List<?>) again.get("executions")).size());
    }

    /**
     * Only LinkedHashMap, ArrayList, String, Boolean, BigDecimal, Integer, Long and null: the shapes that a
     * sandboxed script may change and that read back the same after the program state is saved.
     */
    private static void assertPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof Integer || value instanceof Long) {
            return;
        }
        if (value.getClass() == LinkedHashMap.class) {
            ((Map<?, ?>) value).forEach((k, v) -> {
                assertTrue(k instanceof String);
                assertPlain(v);
            });
            return;
        }
        if (value.getClass() == ArrayList.class) {
            ((List<?>) value).forEach(RunOutcomeTest::assertPlain);
            return;
        }
        throw new AssertionError("not a plain value: " + value.getClass());
    }
}
