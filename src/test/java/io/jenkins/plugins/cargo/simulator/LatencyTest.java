package io.jenkins.plugins.cargo.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The response latency setting. The elapsed-time checks use wide margins: they only need to tell
 * "held about this long" from "not held" and "held one after another".
 */
class LatencyTest {

    private static final String WORKFLOW = "3f2b6c1e-8d4a-4c2e-9b1a-0e5d7c6a4b21";

    @Test
    void aDrawLiesBetweenTheFixedPartAndTheFixedPartPlusJitter() {
        Latency latency = new Latency(Duration.ofMillis(100), Duration.ofMillis(50));

        assertEquals(100_000_000L, latency.delayNanos(0));
        assertEquals(125_000_000L, latency.delayNanos(0.5));
        assertTrue(latency.delayNanos(0.999_999) < 150_000_000L);
        assertThrows(IllegalArgumentException.class, () -> new Latency(Duration.ofMillis(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Latency(Duration.ZERO, Duration.ofMillis(-1)));
    }

    @Test
    void holdsAnswersAndFaultsAlikeAndCanBeTurnedOff() throws Exception {
        try (CargoSimulator sim = CargoSimulator.start()) {
            SimHttp http = new SimHttp(sim);
            String uuid = http.createRun(WORKFLOW).get("uuid").asText();
            sim.latency(Duration.ofMillis(500), Duration.ofMillis(100));

            long answered = millisFor(() -> assertEquals(200, http.get(uuid).statusCode()));
            sim.enqueue(Endpoint.GET, Fault.tooManyRequests("1"));
            long faulted = millisFor(() -> assertEquals(429, http.get(uuid).statusCode()));
            sim.latency(Duration.ZERO, Duration.ZERO);
            long off = millisFor(() -> assertEquals(200, http.get(uuid).statusCode()));

            assertTrue(answered >= 490 && answered < 5000, answered + " ms");
            assertTrue(faulted >= 490 && faulted < 5000, faulted + " ms");
            assertTrue(off < 400, off + " ms");
            assertEquals(2, sim.run(uuid).getCount(), "held answers are handled once, on arrival");
        }
    }

    @Test
    void connectionsAreHeldSideBySideNotOneAfterAnother() throws Exception {
        int clients = 3;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (CargoSimulator sim = CargoSimulator.start()) {
            List<SimHttp> https = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                https.add(new SimHttp(sim)); // a client each, so a connection each
            }
            String uuid = https.get(0).createRun(WORKFLOW).get("uuid").asText();
            sim.latency(Duration.ofMillis(600), Duration.ZERO);

            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> gets = new ArrayList<>();
            for (SimHttp http : https) {
                gets.add(CompletableFuture.supplyAsync(() -> getQuietly(http, uuid), pool));
            }
            for (CompletableFuture<HttpResponse<String>> get : gets) {
                assertEquals(200, get.get().statusCode());
            }
            long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();

            // One after another would take 1800 ms.
            assertTrue(elapsed >= 590 && elapsed < 1500, elapsed + " ms");
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> getQuietly(SimHttp http, String uuid) {
        try {
            return http.get(uuid);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static long millisFor(Call call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
