package io.jenkins.plugins.cargo.bench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one phase, as named values: measured in the phase's process, sent to the benchmark as
 * one line ({@code FIGURES name=value …}), completed there with the simulator's request counts.
 */
final class Figures {
    static final String PREFIX = "FIGURES";

    private final Map<String, String> values = new LinkedHashMap<>();
    private Mode mode;

    Figures put(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    long whole(String name) {
        return Long.parseLong(values.getOrDefault(name, "0"));
    }

    double decimal(String name) {
        return Double.parseDouble(values.getOrDefault(name, "0"));
    }

    String text(String name) {
        return values.get(name);
    }

    Mode mode() {
        return mode;
    }

    Figures mode(Mode value) {
        this.mode = value;
        return this;
    }

    int runs() {
        return (int) whole("runs");
    }

    /** Requests the simulator received for the phase: creates, reads and any other. */
    long requests() {
        return whole("CREATE") + whole("GET") + whole("CANCEL") + whole("LIST") + whole("OTHER");
    }

    double requestsPerRun() {
        return (double) requests() / runs();
    }

    double requestRatio() {
        return requestsPerRun() / decimal("fewestPerRun");
    }

    double heapPerRunKib() {
        return decimal("heapPerRunBytes") / 1024;
    }

    int threadLimit() {
        return WatchBenchmark.TARGET_EXTRA_THREADS + mode.maxRequestsPerHost();
    }

    String toLine() {
        StringBuilder line = new StringBuilder(PREFIX);
        values.forEach((name, value) ->
                line.append(' ').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return line.toString();
    }

    static Figures parse(String line) {
        Figures figures = new Figures();
        for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            figures.values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return figures;
    }
}
