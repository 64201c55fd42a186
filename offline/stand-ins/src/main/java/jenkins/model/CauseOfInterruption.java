/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/jenkins/model/CauseOfInterruption.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package jenkins.model;

import hudson.model.TaskListener;
import java.io.Serializable;

public abstract class CauseOfInterruption implements Serializable {

    public abstract String getShortDescription();

    public void print(TaskListener listener) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
