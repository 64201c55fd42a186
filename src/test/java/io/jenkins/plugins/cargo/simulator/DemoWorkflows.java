package io.jenkins.plugins.cargo.simulator;

import java.time.Duration;
import java.util.List;

/**
 * Fixed workflows with known behaviour, for trying the plugin by hand against a standalone simulator
 * ({@link SimulatorMain}, docs/simulator.md). The uuids never change, so a job set up once keeps
 * working; they are version 4 shaped, as Cargo's are. Every run is timed on the simulator's clock, so
 * it behaves the same however often it is polled.
 *
 * <p>Around them: each is listed as a tool under its name; each but {@link #NO_DEPLOYED_RELEASE} has a
 * deployed release ({@link #deployedReleaseOf(String)}), without a form except {@link #HAS_A_FORM}'s;
 * the workspace is {@link #WORKSPACE_NAME} with {@link #MAX_CONCURRENT_RUNS}, and its subscription has
 * {@link #SUBSCRIPTION} credits.
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
    /**
     * Like {@link #SUCCEEDS}, with an input form on its deployed release {@link #HAS_A_FORM_RELEASE}: a
     * required {@code domain}, an optional {@code employees} number, a {@code tier} of gold or silver, and
     * {@code contacts}, each with a required {@code name} and an {@code email}.
     */
    public static final String HAS_A_FORM = "c0ffee00-0000-4000-8000-000000000009";
    /** Has only a draft release: its deployed release is 404 releaseNotFound, its creates 400 nodesNotFound. */
    public static final String NO_DEPLOYED_RELEASE = "c0ffee00-0000-4000-8000-000000000010";
    /** Like {@link #SUCCEEDS}, but its first two creates are refused 400 concurrencyLimitReached and make no run. */
    public static final String LIMIT_REACHED_FIRST = "c0ffee00-0000-4000-8000-000000000011";
    /**
     * Succeeds after {@link #QUICK_RUN}, but node {@link #FAILING_NODE} failed on the way and its fallback
     * {@link #FALLBACK_NODE} took over, so its trace is {@code degraded}.
     */
    public static final String FALLS_BACK = "c0ffee00-0000-4000-8000-000000000012";

    /** {@link #HAS_A_FORM}'s deployed release, version {@code 2.0.0}. */
    public static final String HAS_A_FORM_RELEASE = "c0ffee00-0000-4000-9000-000000000009";
    /** {@link #HAS_A_FORM}'s archived release, version {@code 1.0.0}, whose form asks for the domain only. */
    public static final String HAS_A_FORM_FIRST_RELEASE = "c0ffee00-0000-4000-9001-000000000009";

    public static final String FAILING_NODE = "enrich-company";
    public static final String FAILING_TOOL_NODE = "verify-contact";
    public static final String FAILING_CHILD_NODE = "lookup-crm";
    public static final String FALLBACK_NODE = "enrich-company-fallback";

    public static final String WORKSPACE_NAME = "Demo workspace";
    public static final int MAX_CONCURRENT_RUNS = 5;
    /** Plan credits left 4250 (750 used), and 500 bought on top. */
    public static final SimSubscription SUBSCRIPTION = SimSubscription.credits(4250, 750, 500);
    /** How many creates of {@link #LIMIT_REACHED_FIRST} are refused after the simulator starts. */
    public static final int REFUSED_CREATES = 2;

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
                    + FAILING_CHILD_NODE),
            new Demo(HAS_A_FORM, "has-a-form", "as succeeds; its deployed release has an input form"),
            new Demo(NO_DEPLOYED_RELEASE, "no-deployed-release",
                    "no deployed release (404 releaseNotFound); creates: 400 nodesNotFound"),
            new Demo(LIMIT_REACHED_FIRST, "limit-reached-first", "first " + REFUSED_CREATES
                    + " creates: 400 concurrencyLimitReached, no run; then as succeeds"),
            new Demo(FALLS_BACK, "falls-back", "success after 4 s; node " + FAILING_NODE
                    + " failed and its fallback took over: trace degraded"));

    private DemoWorkflows() {}

    public static List<Demo> all() {
        return ALL;
    }

    /**
     * The uuid of a demo workflow's deployed release: the workflow's, with {@code 9000} for {@code 8000}.
     * {@link #NO_DEPLOYED_RELEASE} has none, but the uuid is still made.
     */
    public static String deployedReleaseOf(String demoWorkflowUuid) {
        return demoWorkflowUuid.replace("-4000-8000-", "-4000-9000-");
    }

    /** Gives the simulator the demo workflows' scripts, faults, releases and tools, and the demo workspace. */
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
        sim.script(HAS_A_FORM, DemoScripts.succeeds());
        sim.rejectCreates(NO_DEPLOYED_RELEASE, 400, "nodesNotFound", null);
        sim.script(LIMIT_REACHED_FIRST, DemoScripts.succeeds());
        sim.refuseFirstCreates(LIMIT_REACHED_FIRST, REFUSED_CREATES, Fault.concurrencyLimitReached());
        sim.script(FALLS_BACK, DemoScripts.fallsBack(FAILING_NODE, FALLBACK_NODE));

        for (Demo demo : ALL) {
            sim.addTool(demo.workflowUuid(), demo.name(), demo.behaviour());
            if (demo.workflowUuid().equals(NO_DEPLOYED_RELEASE)) {
                sim.addRelease(NO_DEPLOYED_RELEASE, SimRelease.draft());
            } else if (demo.workflowUuid().equals(HAS_A_FORM)) {
                installForm(sim);
            } else {
                sim.addRelease(demo.workflowUuid(),
                        SimRelease.deployed("1.0.0").withoutForm().withUuid(deployedReleaseOf(demo.workflowUuid())));
            }
        }
        sim.workspace(WORKSPACE_NAME, MAX_CONCURRENT_RUNS);
        sim.subscription(SUBSCRIPTION);
    }

    private static void installForm(CargoSimulator sim) {
        FormField domain = FormField.of("string", "domain", "Domain")
                .withDescription("The company's website domain")
                .withPlaceholder("acme.com")
                .required();
        sim.addRelease(HAS_A_FORM, SimRelease.archived("1.0.0", domain)
                .withUuid(HAS_A_FORM_FIRST_RELEASE)
                .withDescription("Domain only"));
        sim.addRelease(HAS_A_FORM, SimRelease.deployed("2.0.0",
                        domain,
                        FormField.of("number", "employees", "Employees").withRequired(false),
                        FormField.enumOf("tier", "Tier", "gold", "silver"),
                        FormField.arrayOf("contacts", "Contacts",
                                FormField.of("string", "name", "Name").required(),
                                FormField.of("string", "email", "Email").withPlaceholder("jane@acme.com")))
                .withUuid(HAS_A_FORM_RELEASE)
                .withDescription("Adds employees, tier and contacts"));
    }
}
