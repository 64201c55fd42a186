/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/Job.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import hudson.ExtensionPoint;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

    protected Job(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract boolean isBuildable();

    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public RunT getLastCompletedBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
