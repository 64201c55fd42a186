/*
 * Compile-only stand-in. Declarations checked against jenkinsci/stapler 2050.v425108fd5089
 * core/src/main/java/org/kohsuke/stapler/StaplerFallback.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.kohsuke.stapler;

public interface StaplerFallback {
}
