package io.jenkins.plugins.cargo;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import io.jenkins.plugins.cargo.run.RunOutcome;
import io.jenkins.plugins.cargo.run.WatchState;
import java.io.IOException;
import java.util.function.UnaryOperator;
import jenkins.model.RunAction2;

/**
 * One Cargo run of a build: the durable home of its watch's state, what the build page shows of it, and
 * (for the freestyle build step) the {@code CARGO_RUN_*} variables of the build steps after it.
 *
 * <p>A build gets one action per Cargo run it starts or follows; each has an id, its number among the
 * build's Cargo runs. The state is a {@link CargoRunRecord}, replaced whole on every change; it is written
 * to {@code build.xml} with {@code run.save()}, which the glue calls on the runtime's writer thread, never on
 * the Pipeline's CPS VM thread. It is what survives a crash of the controller in every durability mode, so
 * a resumed step reads its state from here, and a build that ended while its run was still live has it
 * cancelled (see {@link BuildEndCancellation}).
 */
public final class CargoRunAction implements RunAction2, EnvironmentContributingAction {
    private final String id;
    private volatile CargoRunRecord record;
    private transient Run<?, ?> run;

    CargoRunAction(String id, CargoRunRecord record) {
        this.id = id;
        this.record = record;
    }

    /** Adds a new action for a run to the build, numbered after the build's other Cargo runs. */
    static CargoRunAction attach(Run<?, ?> run, CargoRunRecord record) {
        synchronized (CargoRunAction.class) {
            CargoRunAction action = new CargoRunAction(String.valueOf(run.getActions(CargoRunAction.class).size() + 1), record);
            run.addAction(action);
            return action;
        }
    }

    /** The build's action with this id, or null. */
    @CheckForNull
    static CargoRunAction find(Run<?, ?> run, String id) {
        for (CargoRunAction action : run.getActions(CargoRunAction.class)) {
            if (action.id.equals(id)) {
                return action;
            }
        }
        return null;
    }

    /**
     * The action of a run this build started and no longer follows (one started with {@code wait: false}),
     * to follow it again; null if there is none.
     */
    @CheckForNull
    static CargoRunAction reusableFor(Run<?, ?> run, String runUuid) {
        for (CargoRunAction action : run.getActions(CargoRunAction.class)) {
            CargoRunRecord candidate = action.getRecord();
            if (runUuid.equals(candidate.getRunUuid()) && !candidate.isLive()) {
                return action;
            }
        }
        return null;
    }

    /** The number of this run among the build's Cargo runs, from 1. */
    public String getId() {
        return id;
    }

    @NonNull
    public CargoRunRecord getRecord() {
        return record;
    }

    /** Identifies this action among all builds, for the runtime's live watches. */
    String key() {
        Run<?, ?> owner = run;
        return (owner == null ? "?" : owner.getExternalizableId()) + "#" + id;
    }

    /** Changes the record; the caller writes the build afterwards with {@link #save()}. */
    synchronized void update(UnaryOperator<CargoRunRecord> change) {
        record = change.apply(record);
    }

    void recordState(WatchState state) {
        String encoded = WatchStateCodec.encode(state);
        update(current -> current.withWatchState(state, encoded));
    }

    void recordOutcome(RunOutcome outcome) {
        update(current -> current.ended(outcome));
    }

    void recordFailure(String message) {
        update(current -> current.failed(message));
    }

    /** Writes the build, with this action in it. Blocks: never call it on the CPS VM thread. */
    void save() throws IOException {
        Run<?, ?> owner = run;
        if (owner != null) {
            owner.save();
        }
    }

    // --- Action: no sidebar link; the build page shows summary.jelly --------------------------------

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.CargoRunAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    /**
     * Called when the build is loaded, also on the first start after a crash, when the build still looks
     * running: whether it ended with its run live is decided a little later (see
     * {@link BuildEndCancellation#checkAfterLoad}).
     */
    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
        CargoRunRecord loaded = record;
        if (loaded != null && loaded.needsCancelAfterBuildEnded()) {
            BuildEndCancellation.checkAfterLoad(r, this);
        }
    }

    /** The freestyle build step's variables; see {@link CargoRunEnvironment}. */
    @Override
    public void buildEnvironment(@NonNull Run<?, ?> r, @NonNull EnvVars env) {
        CargoRunEnvironment.of(record).forEach(env::put);
    }

    @Override
    public String toString() {
        return "CargoRunAction[" + id + ", " + record + "]";
    }
}
