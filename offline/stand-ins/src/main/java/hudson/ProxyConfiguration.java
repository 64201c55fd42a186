/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/ProxyConfiguration.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson;

import hudson.model.Describable;
import hudson.model.Saveable;
import java.io.IOException;
import java.io.Serializable;

public final class ProxyConfiguration implements Describable<ProxyConfiguration>, Saveable, Serializable {

    public ProxyConfiguration(String name, int port) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
