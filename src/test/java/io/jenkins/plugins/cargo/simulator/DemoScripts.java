package io.jenkins.plugins.cargo.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The timelines behind {@link DemoWorkflows}, in seconds after each run's creation. */
final class DemoScripts {

    private static final String CLEARBIT = "clearbit";
    private static final String HUBSPOT = "hubspot";
    private static final String APOLLO = "apollo";
    private static final String SUMMARY_AGENT = "5ca1ab1e-0000-4000-8000-0000000000a1";

    private DemoScripts() {}

    /** start, an enrichment connector, a summary agent and end; success at 4 s with an output. */
    static RunScript succeeds() {
        SimExecution enrichPending = pending("enrich-company", "Enriching acme.com").withNode(enrichment());
        SimExecution enriched = done("enrich-company", "Acme Inc. · 250 employees", 1.0).withNode(enrichment());
        SimExecution summaryPending = pending("write-summary", null).withNode(SimNode.agent(SUMMARY_AGENT));
        SimExecution summarized = done("write-summary", "Summary written", 0.5).withNode(SimNode.agent(SUMMARY_AGENT));
        return RunScript.timeline()
                .at(seconds(0), "running", start())
                .at(seconds(1), "running", start(), enrichPending)
                .at(seconds(2), "running", start(), enriched, summaryPending)
                .at(seconds(3), "running", start(), enriched, summarized, pending("end", null))
                .at(seconds(4), "success", start(), enriched, summarized, done("end", "Done", 0))
                // Sorted, so the output reads the same in every run and in docs/simulator.md.
                .output(Map.of("end", new TreeMap<>(Map.of(
                        "company", "Acme Inc.",
                        "employees", 250,
                        "score", 87,
                        "summary", "Acme Inc. is a good fit."))))
                .build();
    }

    /** Fails at 4 s: the connector node {@code node} times out. */
    static RunScript failsAt(String node) {
        String error = "Provider timed out after 30 s";
        return RunScript.timeline()
                .at(seconds(0), "running", start())
                .at(seconds(1), "running", start(), pending(node, "Enriching acme.com").withNode(enrichment()))
                .at(seconds(4), "error", start(),
                        new SimExecution(node, null, "error", 0.01, error).withNode(enrichment()))
                .errorMessage("Node " + node + " failed: " + error)
                .build();
    }

    /** Succeeds after {@code total}, a native node running {@code passes} times in a loop on the way. */
    static RunScript loopsFor(Duration total, int passes) {
        Duration pass = total.dividedBy(passes + 1L);
        RunScript.Timeline timeline = RunScript.timeline();
        List<SimExecution> shown = new ArrayList<>(List.of(start()));
        for (int i = 0; i < passes; i++) {
            List<SimExecution> step = new ArrayList<>(shown);
            step.add(pending("score-lead", "Scoring lead " + (i + 1)).withChildIndex(i));
            timeline.at(pass.multipliedBy(i), "running", step.toArray(SimExecution[]::new));
            shown.add(done("score-lead", "Lead " + (i + 1) + " scored", 0.2).withChildIndex(i));
        }
        List<SimExecution> ending = new ArrayList<>(shown);
        ending.add(pending("end", null));
        timeline.at(pass.multipliedBy(passes), "running", ending.toArray(SimExecution[]::new));
        shown.add(done("end", "Done", 0));
        timeline.at(total, "success", shown.toArray(SimExecution[]::new));
        return timeline.output(Map.of("end", Map.of("leadsScored", passes))).build();
    }

    /** Skipped at 4 s, having run nothing but its start. */
    static RunScript skipped() {
        return RunScript.timeline()
                .at(seconds(0), "pending")
                .at(seconds(4), "skipped", start())
                .build();
    }

    /**
     * A tool's run failing at 3 s: it enriches the contact (2 credits), then the CRM lookup {@code node}
     * finds nothing.
     */
    static RunScript toolFailsAt(String node) {
        String error = "No contact matches jane@acme.com";
        SimNode person = SimNode.connector(CLEARBIT, "enrichPerson");
        SimNode crm = SimNode.connector(HUBSPOT, "searchContacts");
        SimExecution enriching = pending("enrich-contact", "Enriching jane@acme.com").withNode(person);
        SimExecution enriched = done("enrich-contact", "Jane Doe · Acme Inc.", 2.0).withNode(person);
        SimExecution failed = new SimExecution(node, null, "error", 0.01, error).withNode(crm);
        return RunScript.timeline()
                .at(seconds(0), "running", start())
                .at(seconds(1), "running", start(), enriching)
                .at(seconds(2), "running", start(), enriched, pending(node, "Searching contacts").withNode(crm))
                .at(seconds(3), "error", start(), enriched, failed)
                .errorMessage("Node " + node + " failed: " + error)
                .build();
    }

    /**
     * Succeeds at 4 s although a node failed: the enrichment connector {@code node} times out at 2 s and
     * its fallback, another provider, enriches the company instead.
     */
    static RunScript fallsBack(String node, String fallbackNode) {
        String error = "Provider timed out after 30 s";
        SimNode fallbackProvider = SimNode.connector(APOLLO, "enrichOrganization");
        SimExecution failed = new SimExecution(node, null, "error", 0, error).withNode(enrichment());
        SimExecution fellBack = done(fallbackNode, "Acme Inc. · 250 employees", 1.0).withNode(fallbackProvider);
        return RunScript.timeline()
                .at(seconds(0), "running", start())
                .at(seconds(1), "running", start(), pending(node, "Enriching acme.com").withNode(enrichment()))
                .at(seconds(2), "running", start(), failed,
                        pending(fallbackNode, "Enriching acme.com").withNode(fallbackProvider))
                .at(seconds(3), "running", start(), failed, fellBack, pending("end", null))
                .at(seconds(4), "success", start(), failed, fellBack, done("end", "Done", 0))
                .output(Map.of("end", new TreeMap<>(Map.of(
                        "company", "Acme Inc.",
                        "employees", 250,
                        "source", APOLLO))))
                .build();
    }

    /**
     * Fails at 5 s: tool node {@code node} starts a run of {@code toolWorkflowUuid} at 1 s, waits for it,
     * and fails when that child run fails (at 1 + 3 s).
     */
    static RunScript childRunFails(String node, String toolWorkflowUuid, RunScript childScript) {
        SimNode tool = SimNode.tool(toolWorkflowUuid, childScript);
        String error = "The tool's run failed";
        return RunScript.timeline()
                .at(seconds(0), "running", start())
                .at(seconds(1), "running", start(),
                        pending(node, "Verifying contact").withNode(tool).withWaitUntilFinished(true))
                .at(seconds(5), "error", start(),
                        new SimExecution(node, null, "error", 0, error).withNode(tool).withWaitUntilFinished(true))
                .errorMessage("Node " + node + " failed: " + error)
                .build();
    }

    private static SimNode enrichment() {
        return SimNode.connector(CLEARBIT, "enrichCompany");
    }

    private static SimExecution start() {
        return done("start", null, 0);
    }

    private static SimExecution pending(String slug, String title) {
        return new SimExecution(slug, title, "pending", 0, null);
    }

    private static SimExecution done(String slug, String title, double credits) {
        return new SimExecution(slug, title, "success", credits, null);
    }

    private static Duration seconds(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
