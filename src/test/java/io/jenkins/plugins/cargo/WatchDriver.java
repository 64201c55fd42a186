package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.testing.VirtualTime;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.RunWatcher;
import io.jenkins.plugins.cargo.run.WatchState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real core watches, run by the glue's host adapter against {@link ScriptedCargo} in manual time: the
 * states they hand over, the lines they print and the outcomes they end with are the real ones.
 */
final class WatchDriver {
    static final String WORKFLOW = "0b7e6f0c-3a3e-4c6f-9a57-1f2f3c4d5e6f";

    final VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T10:00:00Z"));
    final ScriptedCargo cargo = new ScriptedCargo(time);
    final RunWatcher watcher = new RunWatcher(time, time.clock());
    final List<String> console = new ArrayList<>();
    final List<WatchState> saved = new ArrayList<>();
    /** Stores synchronously, as if the writer thread had done it at once. */
    final BuildWatchHost host = new BuildWatchHost(console::add, Runnable::run, saved::add, () -> {});

    static RunOptions options(boolean wait) {
        return RunOptions.builder(WORKFLOW, Map.of("domain", "acme.com")).waitForRun(wait).build();
    }

    RunWatch start(boolean wait) {
        return watcher.start(options(wait), cargo, host);
    }

    /** Lets the watch run to its end. */
    RunOutcome finish(RunWatch watch) {
        time.runUntilDone(watch.outcome(), Duration.ofHours(2));
        return watch.outcome().join();
    }

    /** A finished run's outcome, ending as the cargo was told. */
    RunOutcome outcome(boolean wait) {
        return finish(start(wait));
    }

    WatchState lastSaved() {
        return saved.get(saved.size() - 1);
    }
}
