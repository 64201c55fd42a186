/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/security/Permission.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

public final class Permission {

    // Stands in for the real public constructors, which need types the plugin does not use.
    private Permission() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean equals(Object o) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int hashCode() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String toString() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
