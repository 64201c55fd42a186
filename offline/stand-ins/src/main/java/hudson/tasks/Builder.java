/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/tasks/Builder.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {

    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
