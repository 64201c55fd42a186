package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.CargoTool;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of the workflow and release drop-downs of {@code cargoRun}'s snippet generator and of the
 * build step's form, from what the chosen credential's token sees in Cargo. No Jenkins types: the caller
 * checks permissions and supplies the client; {@link CargoForms} makes the list boxes.
 *
 * <p>The field's current value is always among the options, listed or not, so a value typed by hand, a
 * {@code ${VAR}} of the build step, or a workflow of another workspace is never lost by opening the form.
 * The value is what the step takes (the tool's {@code workflowUuid}, the release's uuid); the label is
 * what people know (the tool's name, the release's version and date).
 */
final class CargoChoices {
    /** How long a drop-down waits for Cargo: it is filled on a request thread of the web server. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    /** How many releases of a workflow are offered, newest first; an older one can still be typed in a Pipeline. */
    static final int RELEASES_LISTED = 50;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CargoChoices() {}

    // --- Workflows ---------------------------------------------------------------------------------

    /** The tools of the client's workspace, read once and waited for at most {@code longestWait}. */
    static Choice.Answer readWorkflows(CargoClient client, @CheckForNull String current, Duration longestWait) {
        BoundedWait.Awaited<List<CargoTool>> read =
                BoundedWait.await(client.withReadRetryPolicy(RetryPolicy.none()).listTools(), longestWait);
        List<CargoTool> tools = read.value();
        if (read.answered() && tools != null) {
            return new Choice.Answer(workflows(tools, current), null);
        }
        return new Choice.Answer(currentWorkflowOnly(current), Messages.CargoChoices_ToolsUnreadable(read.problem()));
    }

    /**
     * The tools by name, each offering its {@code workflowUuid}; first a blank "choose" option when nothing is
     * chosen yet, or the current value when it is not one of the tools.
     */
    static List<Choice> workflows(List<CargoTool> tools, @CheckForNull String current) {
        String chosen = current == null ? "" : current.strip();
        List<CargoTool> byName = new ArrayList<>(tools);
        byName.sort(Comparator.comparing((CargoTool tool) -> tool.name().toLowerCase(Locale.ROOT))
                .thenComparing(CargoTool::workflowUuid));
        List<Choice> options = new ArrayList<>();
        if (chosen.isEmpty()) {
            options.add(new Choice(tools.isEmpty() ? Messages.CargoChoices_NoTools() : Messages.CargoChoices_ChooseTool(), "", true));
        }
        Set<String> listed = new HashSet<>();
        List<Choice> toolOptions = new ArrayList<>();
        for (CargoTool tool : byName) {
            if (listed.add(tool.workflowUuid())) {
                toolOptions.add(new Choice(Messages.CargoChoices_Tool(tool.name(), tool.workflowUuid()), tool.workflowUuid(),
                        tool.workflowUuid().equalsIgnoreCase(chosen)));
            }
        }
        if (!chosen.isEmpty() && toolOptions.stream().noneMatch(Choice::selected)) {
            options.add(new Choice(expression(chosen) ? Messages.CargoChoices_Expression(chosen)
                    : Messages.CargoChoices_NotATool(chosen), chosen, true));
        }
        options.addAll(toolOptions);
        return options;
    }

    /** The current value alone: for users who may not make the form read Cargo, or when it cannot be read. */
    static List<Choice> currentWorkflowOnly(@CheckForNull String current) {
        String chosen = current == null ? "" : current.strip();
        return List.of(new Choice(chosen, chosen, true));
    }

    // --- Releases ----------------------------------------------------------------------------------

    /**
     * The releases of the workflow, read once and waited for at most {@code longestWait}; without reading,
     * when the workflow is not yet a uuid (nothing chosen, or a {@code ${VAR}} of the build step).
     */
    static Choice.Answer readReleases(CargoClient client, @CheckForNull String workflowUuid, @CheckForNull String current,
            Duration longestWait) {
        String workflow = workflowUuid == null ? "" : workflowUuid.strip();
        if (!FieldChecks.isUuid(workflow)) {
            return new Choice.Answer(currentReleaseOnly(current), null);
        }
        BoundedWait.Awaited<List<CargoRelease>> read = BoundedWait.await(
                client.withReadRetryPolicy(RetryPolicy.none()).listReleases(workflow, RELEASES_LISTED), longestWait);
        List<CargoRelease> releases = read.value();
        if (read.answered() && releases != null) {
            return new Choice.Answer(releases(releases, current), null);
        }
        return new Choice.Answer(currentReleaseOnly(current), Messages.CargoChoices_ReleasesUnreadable(workflow, read.problem()));
    }

    /**
     * A blank first option for "the deployed release" (naming it), then the deployed release, then the others
     * newest first; each with its version and date. The current value is kept when it is not listed.
     */
    static List<Choice> releases(List<CargoRelease> releases, @CheckForNull String current) {
        String chosen = current == null ? "" : current.strip();
        List<CargoRelease> ordered = new ArrayList<>(releases);
        // Deployed first; then by when each was deployed or made, newest first; Cargo's order among equals.
        ordered.sort(Comparator.comparing((CargoRelease release) -> !isDeployed(release))
                .thenComparing(CargoChoices::when, Comparator.nullsLast(Comparator.reverseOrder())));
        CargoRelease deployed = ordered.stream().filter(CargoChoices::isDeployed).findFirst().orElse(null);
        List<Choice> options = new ArrayList<>();
        options.add(new Choice(deployed == null ? Messages.CargoChoices_NoneDeployed()
                : Messages.CargoChoices_DeployedNow(nameOf(deployed)), "", chosen.isEmpty()));
        List<Choice> releaseOptions = new ArrayList<>();
        for (CargoRelease release : ordered) {
            releaseOptions.add(new Choice(label(release), release.uuid(), release.uuid().equalsIgnoreCase(chosen)));
        }
        if (!chosen.isEmpty() && releaseOptions.stream().noneMatch(Choice::selected)) {
            options.add(new Choice(expression(chosen) ? Messages.CargoChoices_Expression(chosen)
                    : Messages.CargoChoices_NotAListedRelease(chosen), chosen, true));
        }
        options.addAll(releaseOptions);
        return options;
    }

    /** The current value alone; blank is "the deployed release". */
    static List<Choice> currentReleaseOnly(@CheckForNull String current) {
        String chosen = current == null ? "" : current.strip();
        return List.of(new Choice(chosen.isEmpty() ? Messages.CargoChoices_Deployed() : chosen, chosen, true));
    }

    /** "2.0.0 (deployed 2026-11-29 15:08 UTC)", "1.0.0 (archived, created 2026-11-28 09:12 UTC)". */
    static String label(CargoRelease release) {
        Instant deployedAt = release.deployedAt();
        Instant createdAt = release.createdAt();
        String detail;
        if (isDeployed(release) && deployedAt != null) {
            detail = Messages.CargoChoices_DeployedAt(WHEN.format(deployedAt));
        } else if (createdAt != null) {
            detail = Messages.CargoChoices_StatusCreatedAt(release.status(), WHEN.format(createdAt));
        } else {
            detail = release.status();
        }
        return Messages.CargoChoices_Release(nameOf(release), detail);
    }

    private static String nameOf(CargoRelease release) {
        String version = release.version();
        return version == null || version.isBlank() ? release.uuid() : version;
    }

    private static boolean isDeployed(CargoRelease release) {
        return "deployed".equals(release.status());
    }

    @CheckForNull
    private static Instant when(CargoRelease release) {
        Instant deployedAt = release.deployedAt();
        return isDeployed(release) && deployedAt != null ? deployedAt : release.createdAt();
    }

    // --- Both --------------------------------------------------------------------------------------

    /** A build step's value with {@code ${…}}: only known when the build runs. */
    static boolean expression(@CheckForNull String value) {
        return value != null && value.contains("${");
    }
}
