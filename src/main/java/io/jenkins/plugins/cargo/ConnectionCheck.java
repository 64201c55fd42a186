package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.api.CargoAuthenticationException;
import io.jenkins.plugins.cargo.api.CargoBadResponseException;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.CargoCredits;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoNotFoundException;
import io.jenkins.plugins.cargo.api.CargoRejectedException;
import io.jenkins.plugins.cargo.api.CargoTransientException;
import io.jenkins.plugins.cargo.api.CargoWorkspace;
import io.jenkins.plugins.cargo.api.RetryPolicy;
import io.jenkins.plugins.cargo.api.RunPage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The "Test connection" of the global configuration: one cheap, read-only, authenticated request, and a
 * sentence that says what it found; then, once the token is known to work, what it gives access to: its
 * workspace (name and concurrent-run limit) and, when the token may read billing, the credits left. No
 * Jenkins types: the caller supplies the client.
 *
 * <p>The client offers no "who am I" call, so the check lists the runs of a random workflow uuid, at most
 * one. That reads nothing of anybody's and costs no credits. An API checks the token before it looks
 * at what is asked, so an answer other than 401 or 403 in Cargo's format means the token was accepted:
 * an empty list, or a "not found" carrying Cargo's error object. Nothing in the answer quotes the token: the client removes it
 * from any text it passes on.
 */
final class ConnectionCheck {
    /**
     * How long the form waits in all. The check runs on a request thread of the web server and blocks it; that is
     * acceptable for one administrator's button, as long as it is bounded. Below the client's own 60 s
     * limit for an exchange, so a silent server gets an answer from this check rather than a browser timeout.
     */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private ConnectionCheck() {}

    static FieldCheck run(CargoClient client, Duration longestWait) {
        long deadline = System.nanoTime() + longestWait.toNanos();
        String where = client.apiUrl().toString();
        // Once only: a retry would only make the administrator wait longer for the same answer.
        CompletableFuture<RunPage> answer = client.withRetryPolicy(RetryPolicy.none())
                .listRuns(UUID.randomUUID().toString(), null, null, 1);
        BoundedWait.Awaited<RunPage> test = BoundedWait.await(answer, longestWait);
        FieldCheck found = switch (test.kind()) {
            case ANSWERED -> FieldCheck.ok(Messages.ConnectionTest_Accepted(where));
            case FAILED -> describe(where, test.failure());
            case TIMED_OUT -> FieldCheck.error(Messages.ConnectionTest_NoAnswer(where, longestWait.toSeconds()));
            case INTERRUPTED -> FieldCheck.error(Messages.ConnectionTest_Failed(test.problem()));
        };
        if (found.kind() != FieldCheck.Kind.OK) {
            return found;
        }
        // The token works: say what it gives access to. Both reads at once, within what is left of the wait.
        CargoClient once = client.withReadRetryPolicy(RetryPolicy.none());
        CompletableFuture<CargoWorkspace> workspace = once.getWorkspace();
        CompletableFuture<CargoCredits> credits = once.getCredits();
        String workspaceLine = workspaceLine(BoundedWait.await(workspace, BoundedWait.until(deadline)));
        String creditsLine = creditsLine(BoundedWait.await(credits, BoundedWait.until(deadline)));
        return FieldCheck.ok(found.message() + "\n" + workspaceLine + "\n" + creditsLine);
    }

    /** The token's workspace, or why it could not be read. */
    static String workspaceLine(BoundedWait.Awaited<CargoWorkspace> read) {
        CargoWorkspace workspace = read.value();
        if (read.answered() && workspace != null) {
            return Messages.ConnectionTest_Workspace(workspace.name(), String.valueOf(workspace.maxConcurrentRuns()));
        }
        return Messages.ConnectionTest_WorkspaceUnreadable(read.problem());
    }

    /** The credits left; a token that may not read billing (HTTP 403) is normal, and said so plainly. */
    static String creditsLine(BoundedWait.Awaited<CargoCredits> read) {
        CargoCredits credits = read.value();
        if (read.answered() && credits != null) {
            return Messages.ConnectionTest_Credits(plain(credits.available()), plain(credits.subscriptionAvailable()),
                    plain(credits.additionalAvailable()));
        }
        if (read.failure() instanceof CargoAuthenticationException e && e.httpStatus() == 403) {
            return Messages.ConnectionTest_CreditsHidden();
        }
        return Messages.ConnectionTest_CreditsUnreadable(read.problem());
    }

    private static String plain(BigDecimal credits) {
        return credits.stripTrailingZeros().toPlainString();
    }

    /** What a failed check found, from the client's exception (whose message never holds the token). */
    static FieldCheck describe(String where, Throwable failure) {
        if (failure instanceof CargoAuthenticationException e) {
            return FieldCheck.error(Messages.ConnectionTest_Refused(where, e.getMessage()));
        }
        if (failure instanceof CargoNotFoundException e) {
            // Cargo's own "not found" of the random workflow comes after the token was checked; a 404 without
            // Cargo's error object is another server at that URL.
            return e.reason() != null || e.errorMessage() != null
                    ? FieldCheck.ok(Messages.ConnectionTest_Accepted(where))
                    : FieldCheck.error(Messages.ConnectionTest_NotCargo(where, e.getMessage()));
        }
        if (failure instanceof CargoTransientException e) {
            return e.httpStatus() == 0
                    ? FieldCheck.error(Messages.ConnectionTest_Unreachable(where, e.getMessage()))
                    : FieldCheck.warning(Messages.ConnectionTest_Busy(where, e.getMessage()));
        }
        if (failure instanceof CargoBadResponseException e) {
            return FieldCheck.error(Messages.ConnectionTest_NotCargo(where, e.getMessage()));
        }
        if (failure instanceof CargoRejectedException e) {
            return FieldCheck.warning(Messages.ConnectionTest_OtherRefusal(where, e.getMessage()));
        }
        if (failure instanceof CargoException e) {
            return FieldCheck.error(Messages.ConnectionTest_Failed(e.getMessage()));
        }
        return FieldCheck.error(Messages.ConnectionTest_Failed(String.valueOf(failure)));
    }
}
