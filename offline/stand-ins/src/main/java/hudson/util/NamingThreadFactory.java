/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/util/NamingThreadFactory.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.util;

import java.util.concurrent.ThreadFactory;

public final class NamingThreadFactory implements ThreadFactory {

    public NamingThreadFactory(ThreadFactory delegate, String name) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Thread newThread(Runnable r) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
