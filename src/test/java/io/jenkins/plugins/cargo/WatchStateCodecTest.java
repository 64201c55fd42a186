package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.cargo.api.RunStatus;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.WatchState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watch's state as text in build.xml, read back exactly, and nothing else read back. */
class WatchStateCodecTest {
    @Test
    void aStateReadsBackAsItWasWritten() throws IOException {
        WatchDriver driver = new WatchDriver();
        driver.cargo.endNextRuns(null, null);
        RunOptions options = RunOptions.builder(WatchDriver.WORKFLOW, Map.of("domain", "acme.com"))
                .pollIntervalSeconds(9).timeoutMinutes(45).build();
        RunWatch watch = driver.watcher.start(options, driver.cargo, driver.host);
        driver.time.advance(Duration.ofMinutes(3));
        WatchState state = driver.lastSaved();

        WatchState read = WatchStateCodec.decode(WatchStateCodec.encode(state));

        assertEquals(watch.runUuid(), read.runUuid());
        assertEquals(state.workflowUuid(), read.workflowUuid());
        assertEquals("running", read.lastStatus());
        assertEquals(state.createAttemptStartedAt(), read.createAttemptStartedAt());
        assertEquals(Duration.ofSeconds(9), read.policy().pollInterval());
        assertEquals(Duration.ofMinutes(45), read.policy().timeout());
        assertEquals(state.policy().mapping(), read.policy().mapping());
        assertEquals(state.cancelReason(), read.cancelReason());
        assertTrue(read.waitForRun());
    }

    @Test
    void theStateHoldsNoData() {
        WatchDriver driver = new WatchDriver();
        driver.cargo.endNextRuns(RunStatus.SUCCESS, null);
        driver.outcome(true);
        for (WatchState state : driver.saved) {
            String bytes = new String(Base64.getDecoder().decode(WatchStateCodec.encode(state)), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("acme.com"));
        }
    }

    @Test
    void onlyTheStatesClassesAreReadBack() throws IOException {
        List<Object> foreign = new ArrayList<>(List.of("x"));
        IOException refused = assertThrows(IOException.class, () -> WatchStateCodec.decode(serialized(foreign)));
        assertTrue(refused instanceof java.io.InvalidClassException, refused.toString());
        assertThrows(IOException.class, () -> WatchStateCodec.decode(serialized(new Gadget())));
    }

    @Test
    void damagedTextIsAnIoException() {
        assertThrows(IOException.class, () -> WatchStateCodec.decode("not base64!"));
        assertThrows(IOException.class, () -> WatchStateCodec.decode(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));
    }

    /** Stands for any class a tampered build.xml might name. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static String serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
