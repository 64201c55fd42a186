package io.jenkins.plugins.cargo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.cargo.simulator.CargoSimulator;
import io.jenkins.plugins.cargo.simulator.Endpoint;
import io.jenkins.plugins.cargo.simulator.SimRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What the plugin's JenkinsTests share: Jenkins pointed at a {@link CargoSimulator}, a Secret text
 * credential holding its token, sandboxed Pipelines, and a look through a build's files for the token.
 */
final class CargoJenkinsTestSupport {
    /** The simulator's token, and the secret of the credential; it must never show up in a build's files. */
    static final String TOKEN = "cargo-test-token-7f3a9c1e5b";
    static final String CREDENTIALS_ID = "cargo-token";

    private CargoJenkinsTestSupport() {}

    /** The global configuration uses the simulator (2 s polls, to keep tests short) and the credential exists. */
    static void useSimulator(CargoSimulator sim) throws IOException {
        sim.acceptToken(TOKEN);
        CargoGlobalConfiguration config = CargoGlobalConfiguration.get();
        config.setApiUrl(sim.baseUrl());
        config.setDefaultPollIntervalSeconds(2);
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID,
                "Cargo API token", Secret.fromString(TOKEN)));
        credentials.save();
    }

    static WorkflowJob pipeline(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    /** The build's only Cargo run, as its action records it. */
    static CargoRunRecord record(Run<?, ?> b) {
        CargoRunAction action = b.getAction(CargoRunAction.class);
        assertNotNull(action, "the build has a Cargo run action");
        return action.getRecord();
    }

    /** The requests to {@code endpoint} whose body or path names {@code text} (a run or workflow uuid). */
    static List<SimRequest> requests(CargoSimulator sim, Endpoint endpoint, String text) {
        return sim.requests(endpoint).stream()
                .filter(r -> r.body().contains(text) || r.path().contains(text))
                .toList();
    }

    /** Waits for {@code condition}, at most {@code limit}. */
    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(200);
        }
    }

    /** No file of the build (log, build.xml, program.dat, flow nodes) holds the token. */
    static void assertNoTokenIn(Run<?, ?> b) throws IOException {
        Path root = b.getRootDir().toPath();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(TOKEN), "the token is in " + root.relativize(file));
            }
        }
    }
}
