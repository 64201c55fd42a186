package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoRelease;
import io.jenkins.plugins.cargo.api.FormCheck;
import io.jenkins.plugins.cargo.api.FormField;
import io.jenkins.plugins.cargo.api.JsonData;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * The form's check of a run's data against the input form of the release that would run (the chosen
 * release, else the workflow's deployed one): what the build checks before it creates the run
 * ({@code validateData}), asked while the job is configured. Every problem is named with its path and the
 * kind expected, never a value. No Jenkins types: the caller checks permissions and supplies the client.
 */
final class DataCheck {
    /** How long the check waits for Cargo: it runs on a request thread of the web server. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private DataCheck() {}

    /**
     * Reads the form of the release to run (once, through the client's short-lived cache of forms, which
     * the builds share) and checks {@code json} against it.
     *
     * @param json the data as JSON text, already known to parse
     * @param releaseUuid null or blank for the deployed release
     */
    static FieldCheck read(CargoClient client, String workflowUuid, @CheckForNull String releaseUuid, String json,
            Duration longestWait) {
        String release = releaseUuid == null || releaseUuid.isBlank() ? null : releaseUuid.strip();
        BoundedWait.Awaited<CargoRelease> read = BoundedWait.await(
                client.withReadRetryPolicy(RetryPolicy.none()).releaseToRun(workflowUuid.strip(), release), longestWait);
        CargoRelease found = read.value();
        if (read.answered() && found != null) {
            return against(found, JsonData.parse(json));
        }
        if (read.failure() instanceof CargoException e && "releaseNotFound".equals(e.reason())) {
            // The build fails here too, before the create: the workflow has nothing deployed to run.
            return FieldCheck.error(String.valueOf(e.getMessage()));
        }
        return FieldCheck.warning(Messages.DataCheck_Unreadable(read.problem()));
    }

    /** The data against the release's form: ok naming the release, or an error listing every problem. */
    static FieldCheck against(CargoRelease release, JsonData data) {
        List<FormField> form = release.formFields();
        if (form == null) {
            return FieldCheck.ok(Messages.DataCheck_NoForm(release.describe()));
        }
        List<String> problems = FormCheck.problems(data, form);
        if (problems.isEmpty()) {
            return FieldCheck.ok(Messages.DataCheck_Matches(release.describe()));
        }
        return FieldCheck.error(Messages.DataCheck_Problems(release.describe()) + "\n" + String.join("\n", problems));
    }

    /**
     * The check the form shows: the syntax check first ({@code syntax}, what {@link FieldChecks#data} found),
     * then the form's, the worse of the two kinds with both messages. A syntax error stands alone.
     */
    static FieldCheck combine(FieldCheck syntax, FieldCheck againstForm) {
        if (syntax.kind() == FieldCheck.Kind.ERROR) {
            return syntax;
        }
        String first = syntax.message();
        String second = againstForm.message();
        String message = first == null ? second : second == null ? first : first + "\n" + second;
        FieldCheck.Kind worse = syntax.kind().compareTo(againstForm.kind()) >= 0 ? syntax.kind() : againstForm.kind();
        return message == null ? FieldCheck.ok() : new FieldCheck(worse, message);
    }
}
