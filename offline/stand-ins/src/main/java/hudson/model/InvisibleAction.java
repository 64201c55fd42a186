/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/InvisibleAction.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

public abstract class InvisibleAction implements Action {

    public final String getIconFileName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getUrlName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
