/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/AbstractItem.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractItem extends Actionable implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {

    protected AbstractItem(ItemGroup parent, String name) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public String getName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public ItemGroup getParent() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public final String getFullName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final String getUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
