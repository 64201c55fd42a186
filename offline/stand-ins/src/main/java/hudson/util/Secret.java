/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/util/Secret.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {

    // The real constructors are package-private; use fromString(String).
    private Secret() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean equals(Object that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int hashCode() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
