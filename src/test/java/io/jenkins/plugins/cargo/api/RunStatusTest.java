package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunStatusTest {

    @ParameterizedTest(name = "{0}: terminal={1}, success={2}")
    @CsvSource({
        "idle,       false, false",
        "pending,    false, false",
        "running,    false, false",
        "success,    true,  true",
        "error,      true,  false",
        "cancelling, false, false",
        "cancelled,  true,  false",
        "skipped,    true,  false"
    })
    void everyDocumentedValueKnowsWhetherItEndsAndSucceeds(String value, boolean terminal, boolean success) {
        RunStatus status = RunStatus.of(value);
        assertEquals(value, status.value());
        assertTrue(status.isKnown());
        assertEquals(terminal, status.isTerminal());
        assertEquals(success, status.isSuccess());
    }

    @Test
    void anUnknownValueIsKeptAndCountsAsStillRunning() {
        RunStatus paused = RunStatus.of("paused");
        assertEquals("paused", paused.value());
        assertFalse(paused.isKnown());
        assertFalse(paused.isTerminal());
        assertFalse(paused.isSuccess());
        assertEquals(RunStatus.of("paused"), paused);
    }

    @Test
    void documentedValuesAreReadWhateverTheirCase() {
        assertSame(RunStatus.SUCCESS, RunStatus.of("SUCCESS"));
    }

    @Test
    void aSavedStatusComesBackAsTheSameConstant() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(RunStatus.CANCELLED);
            out.writeObject(RunStatus.of("paused"));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertSame(RunStatus.CANCELLED, in.readObject());
            RunStatus unknown = (RunStatus) in.readObject();
            assertEquals("paused", unknown.value());
            assertFalse(unknown.isTerminal());
        }
    }
}
