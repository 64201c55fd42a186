/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/search/SearchableModelObject.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.search;

import hudson.model.ModelObject;

public interface SearchableModelObject extends ModelObject, SearchItem {
}
