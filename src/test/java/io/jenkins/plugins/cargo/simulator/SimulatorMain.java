package io.jenkins.plugins.cargo.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator on its own, serving the {@link DemoWorkflows} until the process is stopped, for
 * trying the plugin in a real Jenkins without a Cargo account (docs/simulator.md).
 *
 * <p>Settings, as system properties: {@code cargo.simulator.port} (default 0, any free port; the first
 * argument, if given, wins), {@code cargo.simulator.token} (default {@link DemoWorkflows#TOKEN}),
 * {@code cargo.simulator.latencyMillis} and {@code cargo.simulator.jitterMillis} (default 0). It listens
 * on 127.0.0.1 only.
 */
public final class SimulatorMain {

    static final String PORT = "cargo.simulator.port";
    static final String TOKEN = "cargo.simulator.token";
    static final String LATENCY = "cargo.simulator.latencyMillis";
    static final String JITTER = "cargo.simulator.jitterMillis";

    private SimulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        CargoSimulator sim = start(args, System.getProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "cargo-simulator-stop"));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        printBanner(sim, out);
        sim.logAnswers(out::println);
        // Serve until the process is stopped (Ctrl-C); the server's threads do the work.
        new CountDownLatch(1).await();
    }

    /** Starts a simulator as the arguments and properties say, with the demo workflows installed. */
    static CargoSimulator start(String[] args, Properties properties) throws IOException {
        // Everything is read before the server starts, so a bad setting leaves no server behind.
        int port = args.length > 0 ? parseInt("port argument", args[0]) : intProperty(properties, PORT, 0);
        String token = properties.getProperty(TOKEN, DemoWorkflows.TOKEN);
        Duration latency = Duration.ofMillis(intProperty(properties, LATENCY, 0));
        Duration jitter = Duration.ofMillis(intProperty(properties, JITTER, 0));
        CargoSimulator sim = CargoSimulator.builder().port(port).start();
        sim.acceptToken(token);
        sim.latency(latency, jitter);
        DemoWorkflows.install(sim);
        return sim;
    }

    static void printBanner(CargoSimulator sim, PrintStream out) {
        out.println("Cargo API simulator listening on " + sim.baseUrl());
        out.println();
        out.println("  API URL:   " + sim.baseUrl() + "   (Jenkins: the plugin's global configuration)");
        out.println("  API token: " + sim.acceptedToken() + "   (Jenkins: a Secret text credential)");
        out.println();
        out.println("Demo workflows (workflowUuid, name, what each run does):");
        for (DemoWorkflows.Demo demo : DemoWorkflows.all()) {
            out.printf("  %s  %-19s  %s%n", demo.workflowUuid(), demo.name(), demo.behaviour());
        }
        out.println("Any other workflowUuid: pending, running, success, one step per GET.");
        out.println();
        out.println("Try: curl -s -H 'Authorization: Bearer " + sim.acceptedToken()
                + "' -H 'Content-Type: application/json' -d '{\"workflowUuid\":\"" + DemoWorkflows.SUCCEEDS
                + "\",\"data\":{\"domain\":\"acme.com\"}}' " + sim.baseUrl() + "/v1/orchestration/runs");
        out.println("Stop with Ctrl-C.");
    }

    private static int intProperty(Properties properties, String name, int defaultValue) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : parseInt(name, value);
    }

    private static int parseInt(String what, String value) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 0) {
                throw new IllegalArgumentException(what + " must not be negative: " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a whole number: " + value, e);
        }
    }
}
