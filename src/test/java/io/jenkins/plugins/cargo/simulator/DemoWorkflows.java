package io.jenkins.plugins.cargo.simulator;

import java.time.Duration;
import java.util.List;

/**
 * Fixed workflows with known behaviour, for trying the plugin by hand against a standalone simulator
 * ({@link SimulatorMain}, docs/simulator.md). The uuids never change, so a job set up once keeps
 * working; they are version 4 shaped, as Cargo's are. Every run is timed on the simulator's clock, so
 * it behaves the same however often it is polled.
 */
public final class DemoWorkflows {

    /** The API token the standalone simulator accepts unless told another. */
    public static final String TOKEN = "cargo-demo-token";

    /** Succeeds after {@link #QUICK_RUN} with an output in {@code runContext.end}. */
    public static final String SUCCEEDS = "c0ffee00-0000-4000-8000-000000000001";
    /** Ends {@code error} after {@link #QUICK_RUN}: node {@link #FAILING_NODE} failed. */
    public static final String FAILS_AT_NODE = "c0ffee00-0000-4000-8000-000000000002";
    /** Succeeds after {@link #LONG_RUN}, a node in a loop running five times on the way. */
    public static final String TAKES_A_MINUTE = "c0ffee00-0000-4000-8000-000000000003";
    /** Ends {@code skipped} after {@link #QUICK_RUN}. */
    public static final String SKIPPED = "c0ffee00-0000-4000-8000-000000000004";
    /** Like {@link #SUCCEEDS}, but the first two GETs of each run are answered 429 with Retry-After. */
    public static final String RATE_LIMITED_FIRST = "c0ffee00-0000-4000-8000-000000000005";
    /** Like {@link #SUCCEEDS}, but the first two GETs of each run are answered 503 by a load balancer. */
    public static final String UNAVAILABLE_FIRST = "c0ffee00-0000-4000-8000-000000000006";
    /** Ends {@code error}: its tool node {@link #FAILING_TOOL_NODE} ran a {@link #FAILING_TOOL} run that failed. */
    public static final String CHILD_RUN_FAILS = "c0ffee00-0000-4000-8000-000000000007";
    /** The tool {@link #CHILD_RUN_FAILS} calls; its runs fail at {@link #FAILING_CHILD_NODE}. */
    public static final String FAILING_TOOL = "c0ffee00-0000-4000-8000-000000000008";

    public static final String FAILING_NODE = "enrich-company";
    public static final String FAILING_TOOL_NODE = "verify-contact";
    public static final String FAILING_CHILD_NODE = "lookup-crm";

    public static final Duration QUICK_RUN = Duration.ofSeconds(4);
    public static final Duration LONG_RUN = Duration.ofSeconds(60);
    /** The Retry-After, in seconds, of {@link #RATE_LIMITED_FIRST}'s 429 answers. */
    public static final String RETRY_AFTER_SECONDS = "2";

    /** One demo workflow, for listings: its uuid, a short name and what its runs do. */
    public record Demo(String workflowUuid, String name, String behaviour) {}

    private static final List<Demo> ALL = List.of(
            new Demo(SUCCEEDS, "succeeds", "success after 4 s; runContext.end holds an output"),
            new Demo(FAILS_AT_NODE, "fails-at-node", "error after 4 s; node " + FAILING_NODE + " failed"),
            new Demo(TAKES_A_MINUTE, "takes-a-minute", "success after 60 s; node score-lead loops 5 times"),
            new Demo(SKIPPED, "skipped", "skipped after 4 s"),
            new Demo(RATE_LIMITED_FIRST, "rate-limited-first",
                    "first 2 GETs of each run: 429, Retry-After " + RETRY_AFTER_SECONDS + "; then as succeeds"),
            new Demo(UNAVAILABLE_FIRST, "unavailable-first",
                    "first 2 GETs of each run: 503 (HTML, no Retry-After); then as succeeds"),
            new Demo(CHILD_RUN_FAILS, "child-run-fails", "error after 5 s; tool node " + FAILING_TOOL_NODE
                    + " ran a child run that failed at " + FAILING_CHILD_NODE),
            new Demo(FAILING_TOOL, "failing-tool", "the tool child-run-fails calls: error after 3 s at "
                    + FAILING_CHILD_NODE));

    private DemoWorkflows() {}

    public static List<Demo> all() {
        return ALL;
    }

    /** Gives the simulator the demo workflows' scripts and faults. */
    public static void install(CargoSimulator sim) {
        sim.script(SUCCEEDS, DemoScripts.succeeds());
        sim.script(FAILS_AT_NODE, DemoScripts.failsAt(FAILING_NODE));
        sim.script(TAKES_A_MINUTE, DemoScripts.loopsFor(LONG_RUN, 5));
        sim.script(SKIPPED, DemoScripts.skipped());
        sim.script(RATE_LIMITED_FIRST, DemoScripts.succeeds());
        sim.faultFirstGets(RATE_LIMITED_FIRST,
                Fault.tooManyRequests(RETRY_AFTER_SECONDS), Fault.tooManyRequests(RETRY_AFTER_SECONDS));
        sim.script(UNAVAILABLE_FIRST, DemoScripts.succeeds());
        sim.faultFirstGets(UNAVAILABLE_FIRST, Fault.serverError(503), Fault.serverError(503));
        RunScript failingTool = DemoScripts.toolFailsAt(FAILING_CHILD_NODE);
        sim.script(FAILING_TOOL, failingTool);
        sim.script(CHILD_RUN_FAILS, DemoScripts.childRunFails(FAILING_TOOL_NODE, FAILING_TOOL, failingTool));
    }
}
