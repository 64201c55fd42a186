/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/jenkins/util/Timer.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

public class Timer {

    // The real constructor is private too; use get().
    private Timer() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static ScheduledExecutorService get() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
