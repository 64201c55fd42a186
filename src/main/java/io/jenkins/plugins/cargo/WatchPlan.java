package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cargo.api.CargoException;
import io.jenkins.plugins.cargo.api.CargoPort;
import io.jenkins.plugins.cargo.run.RunOptions;
import io.jenkins.plugins.cargo.run.RunWatch;
import io.jenkins.plugins.cargo.run.RunWatcher;
import io.jenkins.plugins.cargo.run.WaitPolicy;
import io.jenkins.plugins.cargo.run.WatchHost;
import io.jenkins.plugins.cargo.run.WatchState;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * What one step asked for, checked and ready: create a run and follow it ({@code cargoRun}, the build
 * step), or follow one started earlier ({@code cargoWaitForRun}); with which API URL and credential, and
 * whether a bad end fails the step. Serializable, so it goes into the Pipeline's program state: a step the
 * controller restarted before anything was sent starts afresh from it.
 */
abstract class WatchPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final boolean propagate;
    private final String apiUrl;
    @CheckForNull
    private final String credentialsId;

    private WatchPlan(boolean propagate, String apiUrl, @CheckForNull String credentialsId) {
        this.propagate = propagate;
        this.apiUrl = Objects.requireNonNull(apiUrl);
        this.credentialsId = blankToNull(credentialsId);
    }

    /** Create a run with {@code options} and follow it. */
    static WatchPlan create(RunOptions options, boolean propagate, String apiUrl, @CheckForNull String credentialsId) {
        return new Create(options, propagate, apiUrl, credentialsId);
    }

    /**
     * Follow the run {@code runUuid}, started earlier.
     *
     * @param workflowUuid the run's workflow, or blank to learn it from the first read
     * @throws IllegalArgumentException naming {@code runUuid} or {@code workflowUuid} and the fix
     */
    static WatchPlan join(@CheckForNull String runUuid, @CheckForNull String workflowUuid, WaitPolicy policy,
            boolean propagate, String apiUrl, @CheckForNull String credentialsId) {
        requireValid(FieldChecks.uuid("runUuid", runUuid, true));
        requireValid(FieldChecks.uuid("workflowUuid", workflowUuid, false));
        String run = runUuid == null ? "" : runUuid.strip();
        return new Join(run, blankToNull(workflowUuid), policy, propagate, apiUrl, credentialsId);
    }

    abstract boolean isJoin();

    /** The run a join follows; null for a create. */
    @CheckForNull
    abstract String runUuidToJoin();

    /** The record of a build action for this plan, before anything is sent. */
    abstract CargoRunRecord newRecord(CargoRunRecord.Origin origin);

    /** Starts the watch: the create (or the first read of a joined run) happens in its events. */
    abstract RunWatch start(RunWatcher watcher, CargoPort cargo, WatchHost host);

    /** How to wait: a fallback after a restart needs it. */
    abstract WaitPolicy waitPolicy();

    /** Goes on from a state that holds a create attempt or a run; the options are needed only before the create. */
    abstract RunWatch resume(RunWatcher watcher, WatchState saved, CargoPort cargo, WatchHost host);

    boolean propagate() {
        return propagate;
    }

    String apiUrl() {
        return apiUrl;
    }

    @CheckForNull
    String credentialsId() {
        return credentialsId;
    }

    /**
     * Goes on after a restart from the record's newest state, the source of truth (the Pipeline's own copy
     * of the execution may be older): nothing saved yet starts afresh (a create that was never sent) or
     * joins again; a saved state resumes, never creating a second run. A state that can no longer be read
     * (written by an incompatible version) falls back to following the run the record names.
     *
     * @throws CargoException when the state cannot be read and the record does not know the run, so a
     *     create may have reached Cargo that no one can identify
     */
    RunWatch resume(RunWatcher watcher, CargoRunRecord record, CargoPort cargo, WatchHost host) throws CargoException {
        String encoded = record.watchState();
        if (encoded == null) {
            // Nothing was durable, so nothing was sent: begin as if the step had just started.
            return startAfterRestart(watcher, cargo, host);
        }
        WatchState saved;
        try {
            saved = WatchStateCodec.decode(encoded);
        } catch (IOException unreadable) {
            String known = record.getRunUuid();
            if (known == null) {
                throw new CargoException(Messages.WatchPlan_StateUnreadable(
                        String.valueOf(record.getWorkflowUuid()), unreadable.getMessage()), 0, null, null, unreadable);
            }
            host.log(Messages.WatchPlan_StateUnreadableFollowing(known));
            return watcher.join(known, record.getWorkflowUuid(), waitPolicy(), cargo, host);
        }
        return resume(watcher, saved, cargo, host);
    }

    /** After a restart with nothing saved. */
    abstract RunWatch startAfterRestart(RunWatcher watcher, CargoPort cargo, WatchHost host);

    private static void requireValid(FieldCheck check) {
        if (check.kind() == FieldCheck.Kind.ERROR) {
            throw new IllegalArgumentException(check.message());
        }
    }

    @CheckForNull
    private static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class Create extends WatchPlan {
        private static final long serialVersionUID = 1L;

        private final RunOptions options;

        Create(RunOptions options, boolean propagate, String apiUrl, @CheckForNull String credentialsId) {
            super(propagate, apiUrl, credentialsId);
            this.options = Objects.requireNonNull(options);
        }

        @Override
        boolean isJoin() {
            return false;
        }

        @Override
        String runUuidToJoin() {
            return null;
        }

        @Override
        CargoRunRecord newRecord(CargoRunRecord.Origin origin) {
            return CargoRunRecord.forCreate(origin, apiUrl(), credentialsId(), options.workflowUuid(), options.releaseUuid());
        }

        @Override
        RunWatch start(RunWatcher watcher, CargoPort cargo, WatchHost host) {
            return watcher.start(options, cargo, host);
        }

        @Override
        WaitPolicy waitPolicy() {
            return options.waitPolicy();
        }

        @Override
        RunWatch startAfterRestart(RunWatcher watcher, CargoPort cargo, WatchHost host) {
            // The core says so in the log and creates from the options.
            return watcher.resume(null, options, cargo, host);
        }

        @Override
        RunWatch resume(RunWatcher watcher, WatchState saved, CargoPort cargo, WatchHost host) {
            return watcher.resume(saved, options, cargo, host);
        }

        @Override
        public String toString() {
            return "WatchPlan[create, " + options + "]";
        }
    }

    private static final class Join extends WatchPlan {
        private static final long serialVersionUID = 1L;

        private final String runUuid;
        @CheckForNull
        private final String workflowUuid;
        private final WaitPolicy policy;

        Join(String runUuid, @CheckForNull String workflowUuid, WaitPolicy policy, boolean propagate, String apiUrl,
                @CheckForNull String credentialsId) {
            super(propagate, apiUrl, credentialsId);
            this.runUuid = runUuid;
            this.workflowUuid = workflowUuid;
            this.policy = Objects.requireNonNull(policy);
        }

        @Override
        boolean isJoin() {
            return true;
        }

        @Override
        String runUuidToJoin() {
            return runUuid;
        }

        @Override
        CargoRunRecord newRecord(CargoRunRecord.Origin origin) {
            return CargoRunRecord.forJoin(apiUrl(), credentialsId(), runUuid, workflowUuid);
        }

        @Override
        RunWatch start(RunWatcher watcher, CargoPort cargo, WatchHost host) {
            return watcher.join(runUuid, workflowUuid, policy, cargo, host);
        }

        @Override
        WaitPolicy waitPolicy() {
            return policy;
        }

        @Override
        RunWatch startAfterRestart(RunWatcher watcher, CargoPort cargo, WatchHost host) {
            return start(watcher, cargo, host);
        }

        @Override
        RunWatch resume(RunWatcher watcher, WatchState saved, CargoPort cargo, WatchHost host) {
            // A joined run's state always names the run; no options are needed.
            return watcher.resume(saved, null, cargo, host);
        }

        @Override
        public String toString() {
            return "WatchPlan[join " + runUuid + "]";
        }
    }
}
