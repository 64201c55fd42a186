/*
 * Compile-only stand-in. Declarations checked against jenkinsci/lib-task-reactor task-reactor-1.9
 * src/main/java/org/jvnet/hudson/reactor/Milestone.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jvnet.hudson.reactor;

public interface Milestone {
}
