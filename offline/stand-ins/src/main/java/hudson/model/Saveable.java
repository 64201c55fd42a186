/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/Saveable.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import java.io.IOException;

public interface Saveable {

    void save() throws IOException;
}
