/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/security/ACL.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.core.Authentication;

public abstract class ACL {

    public final void checkPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public final boolean hasPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final String ANONYMOUS_USERNAME = "anonymous";

    public static final String SYSTEM_USERNAME = "SYSTEM";

    public static final Authentication SYSTEM2 = null;
}
