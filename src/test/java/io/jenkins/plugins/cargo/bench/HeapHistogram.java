package io.jenkins.plugins.cargo.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;

/**
 * With {@code -Dbenchmark.histogram=N}, a phase prints (to standard error) the N classes whose live
 * instances grew most between the heap sample before the runs started and the one while they wait, per
 * waiting run: what the heap figure is made of. Uses the JVM's {@code GC.class_histogram} command.
 */
final class HeapHistogram {
    private HeapHistogram() {}

    static boolean wanted() {
        return Integer.getInteger("benchmark.histogram", 0) > 0;
    }

    /** Class name to {instances, bytes} of live objects (the command collects garbage first). */
    static Map<String, long[]> take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            // "  1:   12345   678900  java.lang.String (java.base@17)"
            if (cells.length >= 4 && cells[0].endsWith(":")) {
                classes.put(cells[3], new long[] {Long.parseLong(cells[1]), Long.parseLong(cells[2])});
            }
        }
        return classes;
    }

    static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int runs) {
        int top = Integer.getInteger("benchmark.histogram", 0);
        Map<String, long[]> growth = new HashMap<>();
        after.forEach((name, now) -> {
            long[] then = before.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {now[0] - then[0], now[1] - then[1]});
        });
        long total = growth.values().stream().mapToLong(g -> g[1]).sum();
        System.err.printf(Locale.ROOT, "Live heap growth while %d runs wait: %.0f bytes per run; largest parts:%n", runs,
                (double) total / runs);
        growth.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .forEach(e -> System.err.printf(Locale.ROOT, "  %8.0f bytes %6.2f objects  %s%n",
                        (double) e.getValue()[1] / runs, (double) e.getValue()[0] / runs, e.getKey()));
    }
}
