/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/Item.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

public interface Item extends PersistenceRoot, FullyNamedModelObject, SearchableModelObject, FullyNamed, Named, AccessControlled, OnMaster {

    ItemGroup<? extends Item> getParent();

    @NonNull String getName();

    @NonNull String getFullName();

    String getDisplayName();

    String getUrl();

    Permission CREATE = null;

    Permission DELETE = null;

    Permission CONFIGURE = null;

    Permission READ = null;

    Permission DISCOVER = null;

    Permission EXTENDED_READ = null;

    Permission BUILD = null;

    Permission WORKSPACE = null;

    Permission CANCEL = null;
}
