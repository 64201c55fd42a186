/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/tasks/BuildStep.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.tasks;

public interface BuildStep {

    default BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
