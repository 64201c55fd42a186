package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.JsonData;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.RunWatcher;
import io.jenkins.plugins.cargo.run.WaitPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The form checks say exactly what the build would say for the same value. */
class FieldChecksTest {
    private static final String UUID = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";

    /** Follows a run; it checks its arguments before it touches Cargo or the host, which may then be null. */
    private static final RunWatcher WATCHER = new RunWatcher((task, delay) -> () -> {}, Clock.systemUTC());

    @Test
    void aWorkflowUuidOfCargoRunIsCheckedByTheRunOptions() {
        assertOk(FieldChecks.uuid("workflowUuid", UUID, true));
        assertOk(FieldChecks.uuid("workflowUuid", "  " + UUID + " ", true));
        for (String bad : new String[] {null, "", "  ", "not-a-uuid", "0b7e6f0c3a3e4c6f9a571f2f3c4d5e6f"}) {
            assertError(buildSays(() -> RunOptions.builder(bad, Map.of()).build()), FieldChecks.uuid("workflowUuid", bad, true));
        }
    }

    @Test
    void aReleaseUuidMayBeLeftOut() {
        assertOk(FieldChecks.uuid("releaseUuid", null, false));
        assertOk(FieldChecks.uuid("releaseUuid", " ", false));
        assertOk(FieldChecks.uuid("releaseUuid", UUID, false));
        assertError(buildSays(() -> RunOptions.builder(UUID, Map.of()).releaseUuid("v1.2").build()),
                FieldChecks.uuid("releaseUuid", "v1.2", false));
    }

    @Test
    void aRunUuidGetsTheTextOfTheStepThatFollowsARun() {
        WaitPolicy policy = WaitPolicy.defaults();
        for (String bad : new String[] {null, " ", "d4a32217", "x".repeat(100)}) {
            assertError(buildSays(() -> WATCHER.join(bad, null, policy, null, null)), FieldChecks.uuid("runUuid", bad, true));
        }
        assertOk(FieldChecks.uuid("runUuid", UUID, true));
    }

    @Test
    void theWorkflowUuidOfCargoWaitForRunIsOptional() {
        WaitPolicy policy = WaitPolicy.defaults();
        assertOk(FieldChecks.uuid("workflowUuid", "", false));
        assertOk(FieldChecks.uuid("workflowUuid", UUID, false));
        assertError(buildSays(() -> WATCHER.join(UUID, "tool-1", policy, null, null)),
                FieldChecks.uuid("workflowUuid", "tool-1", false));
    }

    @Test
    void aUuidIsRecognisedByTheCoresRule() {
        assertTrue(FieldChecks.isUuid(" 0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f "));
        assertFalse(FieldChecks.isUuid("tool-1"));
        assertFalse(FieldChecks.isUuid("${WORKFLOW}"));
        assertFalse(FieldChecks.isUuid(" "));
        assertFalse(FieldChecks.isUuid(null));
    }

    @Test
    void dataMustBeJsonAndIsNeverQuoted() {
        assertOk(FieldChecks.data("{\"domain\": \"acme.com\"}"));
        assertError(buildSays(() -> JsonData.of(null)), FieldChecks.data(null));
        assertError(buildSays(() -> JsonData.of("  ")), FieldChecks.data("  "));

        String broken = "{\"password\": \"hunter2\"";
        FieldCheck check = FieldChecks.data(broken);
        assertError(buildSays(() -> JsonData.of(broken)), check);
        assertFalse(check.message().contains("hunter2"), check.message());
    }

    @Test
    void dataThatIsNotAnObjectGetsTheBuildsWarning() {
        List<String> warnings = RunOptions.builder(UUID, "[1, 2]").build().warnings();
        FieldCheck check = FieldChecks.data("[1, 2]");
        assertEquals(FieldCheck.Kind.WARNING, check.kind());
        assertEquals(String.join(" ", warnings), check.message());
    }

    @Test
    void thePollIntervalIsAWholeNumberOfSecondsFrom2To600() {
        assertOk(FieldChecks.pollIntervalSeconds("pollIntervalSeconds", null));
        assertOk(FieldChecks.pollIntervalSeconds("pollIntervalSeconds", ""));
        assertOk(FieldChecks.pollIntervalSeconds("pollIntervalSeconds", "2"));
        assertOk(FieldChecks.pollIntervalSeconds("pollIntervalSeconds", " 600 "));
        for (long bad : new long[] {1, 0, -5, 601}) {
            assertError(buildSays(() -> RunOptions.waitOptions().pollIntervalSeconds(bad).buildWaitPolicy()),
                    FieldChecks.pollIntervalSeconds("pollIntervalSeconds", Long.toString(bad)));
        }
        assertError("pollIntervalSeconds must be a whole number.", FieldChecks.pollIntervalSeconds("pollIntervalSeconds", "5s"));
        assertError("defaultPollIntervalSeconds must be a whole number.",
                FieldChecks.pollIntervalSeconds("defaultPollIntervalSeconds", "2.5"));
    }

    @Test
    void theTimeoutIsAWholeNumberOfMinutesAndZeroMeansNone() {
        assertOk(FieldChecks.timeoutMinutes("timeoutMinutes", ""));
        assertOk(FieldChecks.timeoutMinutes("timeoutMinutes", "90"));
        FieldCheck none = FieldChecks.timeoutMinutes("timeoutMinutes", "0");
        assertEquals(FieldCheck.Kind.OK, none.kind());
        assertEquals("0 waits without a time limit.", none.message());
        assertError(buildSays(() -> RunOptions.waitOptions().timeoutMinutes(-1).buildWaitPolicy()),
                FieldChecks.timeoutMinutes("timeoutMinutes", "-1"));
        assertError("timeoutMinutes must be a whole number.", FieldChecks.timeoutMinutes("timeoutMinutes", "1h"));
    }

    @Test
    void theApiUrlIsCheckedAsTheClientWouldAndBlankMeansTheDefault() {
        assertOk(FieldChecks.apiUrl(null));
        assertOk(FieldChecks.apiUrl(""));
        assertOk(FieldChecks.apiUrl(CargoApiUrl.DEFAULT));
        assertOk(FieldChecks.apiUrl("http://127.0.0.1:8089"));
        for (String bad : new String[] {"http://api.example.com", "https://api.getcargo.io/v1", "api.getcargo.io"}) {
            assertError(buildSays(() -> CargoApiUrl.parse(bad)), FieldChecks.apiUrl(bad));
        }
    }

    private static String buildSays(Executable build) {
        return assertThrows(IllegalArgumentException.class, build).getMessage();
    }

    private static void assertOk(FieldCheck check) {
        assertEquals(FieldCheck.Kind.OK, check.kind(), check::toString);
        assertNull(check.message(), check::toString);
    }

    private static void assertError(String expected, FieldCheck check) {
        assertEquals(FieldCheck.Kind.ERROR, check.kind(), check::toString);
        assertEquals(expected, check.message());
        assertTrue(expected != null && !expected.isBlank());
    }
}
