/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/Executor.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Queue.Executable;
import java.util.Collection;
import jenkins.model.CauseOfInterruption;
import jenkins.model.IExecutor;

public class Executor extends Thread implements ModelObject, IExecutor {

    // Stands in for the real public constructor Executor(Computer, int), which plugins do not call.
    private Executor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void interrupt() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void interrupt(Result result) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void interrupt(Result result, CauseOfInterruption... causes) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Result abortResult() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public Queue.Executable getCurrentExecutable() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public Collection<CauseOfInterruption> getCausesOfInterruption() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public static Executor currentExecutor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public static Executor of(Executable executable) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
