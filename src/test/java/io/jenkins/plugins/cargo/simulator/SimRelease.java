package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A release of a workflow, as a test gives it to {@link CargoSimulator#addRelease(String, SimRelease)}:
 * the parts of Cargo's {@code Release} a client reads (cargo-api.md 12.6). The simulator adds the rest
 * when it serves one: workspace, user, times, and empty {@code nodes} and {@code testRecords}.
 *
 * @param uuid the release's uuid; the factories make a random one
 * @param status draft, deployed or archived
 * @param version may be null, as a draft's usually is
 * @param description may be null
 * @param deployedAt when it was deployed; null means, for a deployed or archived release, the moment it
 *     was added to the simulator, and for a draft, never
 * @param formFields the input form, or null for a release without one ({@code formFields: null})
 */
public record SimRelease(
        String uuid,
        String status,
        String version,
        String description,
        Instant deployedAt,
        List<FormField> formFields) {

    private static final Set<String> STATUSES = Set.of("draft", "deployed", "archived");

    public SimRelease {
        Objects.requireNonNull(uuid, "uuid");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("a release is draft, deployed or archived, not " + status);
        }
        formFields = formFields == null ? null : List.copyOf(formFields);
    }

    /** The release runs of the workflow use unless they pin another, with this form (possibly empty). */
    public static SimRelease deployed(String version, FormField... formFields) {
        return new SimRelease(SimUuids.random(), "deployed", version, null, null, List.of(formFields));
    }

    /** A release that was deployed once and has been replaced, with this form. */
    public static SimRelease archived(String version, FormField... formFields) {
        return new SimRelease(SimUuids.random(), "archived", version, null, null, List.of(formFields));
    }

    /** The workflow's draft: no version and no form yet. */
    public static SimRelease draft() {
        return new SimRelease(SimUuids.random(), "draft", null, null, null, null);
    }

    /** The same release under a fixed uuid, for one a job pins or a test names in advance. */
    public SimRelease withUuid(String uuid) {
        return new SimRelease(uuid, status, version, description, deployedAt, formFields);
    }

    public SimRelease withDescription(String description) {
        return new SimRelease(uuid, status, version, description, deployedAt, formFields);
    }

    public SimRelease withDeployedAt(Instant deployedAt) {
        return new SimRelease(uuid, status, version, description, deployedAt, formFields);
    }

    /** The same release with this form; {@code withFormFields(List.of())} is an empty form. */
    public SimRelease withFormFields(List<FormField> formFields) {
        return new SimRelease(uuid, status, version, description, deployedAt,
                Objects.requireNonNull(formFields, "formFields; use withoutForm() for none"));
    }

    /** The same release with {@code formFields: null}, as a workflow that takes no form has. */
    public SimRelease withoutForm() {
        return new SimRelease(uuid, status, version, description, deployedAt, null);
    }
}
