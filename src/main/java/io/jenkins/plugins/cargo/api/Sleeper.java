package io.jenkins.plugins.cargo.api;

import java.time.Duration;

/** Waits between attempts of a synchronous call; replaced in tests so that backoff takes no time. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
