/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/jenkins/console/WithConsoleUrl.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package jenkins.console;

public interface WithConsoleUrl {
}
