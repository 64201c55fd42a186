package io.jenkins.plugins.cargo;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;

/**
 * When a build is finalized, cancels each of its Cargo runs that is still live (see
 * {@link BuildEndCancellation}). It runs on the CPS VM thread for a Pipeline, so it only hands the work
 * over.
 */
@Extension
public final class CargoBuildEndListener extends RunListener<Run<?, ?>> {
    @Override
    public void onFinalized(Run<?, ?> run) {
        for (CargoRunAction action : run.getActions(CargoRunAction.class)) {
            if (action.getRecord().needsCancelAfterBuildEnded()) {
                BuildEndCancellation.cancel(run, action);
            }
        }
    }
}
