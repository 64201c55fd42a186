package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A simulator per test on a clock that moves only when the test says so, and an HTTP client for it:
 * the set-up the simulator's endpoint tests share.
 */
abstract class ManualClockSimulator {
    static final Instant T0 = Instant.parse("2030-01-02T03:04:05.000Z");

    final ManualClock clock = new ManualClock(T0);
    CargoSimulator sim;
    SimHttp http;

    @BeforeEach
    void startSimulator() throws Exception {
        sim = CargoSimulator.builder().clock(clock).start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }
}
