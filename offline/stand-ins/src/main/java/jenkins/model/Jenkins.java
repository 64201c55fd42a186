/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/jenkins/model/Jenkins.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.ProxyConfiguration;
import hudson.model.AbstractCIBase;
import hudson.model.Descriptor;
import hudson.model.DescriptorByNameOwner;
import hudson.model.Item;
import hudson.model.ModifiableViewGroup;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import java.io.IOException;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;
import org.springframework.security.access.AccessDeniedException;

public class Jenkins extends AbstractCIBase implements DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback, ModifiableViewGroup, AccessControlled, DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren, OnMaster, Loadable {

    // Stands in for the real protected constructors, which plugins do not call.
    private Jenkins() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public String getFullName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @Nullable public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public <T> ExtensionList<T> getExtensionList(Class<T> extensionType) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public ACL getACL() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public Item getItemByFullName(String fullName) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void load() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final Permission ADMINISTER = null;

    public static final Permission MANAGE = null;

    public static final Permission SYSTEM_READ = null;

    public static final Permission READ = null;
}
