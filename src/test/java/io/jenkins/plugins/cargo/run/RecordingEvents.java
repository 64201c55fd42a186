package io.jenkins.plugins.cargo.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every log line and every saved state, as the Jenkins glue would write and persist them. */
class RecordingEvents implements RunEvents {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<WatchState> saved = new CopyOnWriteArrayList<>();

    @Override
    public void log(String line) {
        lines.add(line);
    }

    @Override
    public void stateChanged(WatchState snapshot) {
        saved.add(snapshot);
    }

    String log() {
        return String.join("\n", lines);
    }

    long count(String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }

    WatchState lastSaved() {
        return saved.get(saved.size() - 1);
    }
}
