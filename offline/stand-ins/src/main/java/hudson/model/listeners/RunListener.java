/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/listeners/RunListener.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model.listeners;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

public abstract class RunListener<R extends Run> implements ExtensionPoint {

    public final Class<R> targetType;

    protected RunListener(Class<R> targetType) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    protected RunListener() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void onCompleted(R r, @NonNull TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void onFinalized(R r) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void onInitialize(R r) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void onStarted(R r, TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void onDeleted(R r) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static ExtensionList<RunListener> all() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
