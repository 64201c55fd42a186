/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/TaskListener.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {

    @NonNull PrintStream getLogger();

    default void hyperlink(String url, String text) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull default PrintWriter error(String msg) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull default PrintWriter error(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    TaskListener NULL = null;
}
