/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/jenkins/scm/RunWithSCM.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;

public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {
}
