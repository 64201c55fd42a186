/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/Queue.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;

public class Queue extends ResourceController implements Saveable {

    // Stands in for the real public constructor Queue(LoadBalancer), which plugins do not call.
    private Queue() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void save() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public interface Task extends FullyNamedModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }
}
