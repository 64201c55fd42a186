/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/AbortException.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson;

import java.io.IOException;

public class AbortException extends IOException {

    public AbortException() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public AbortException(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
