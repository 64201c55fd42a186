/*
 * Compile-only stand-in. Declarations checked against jenkinsci/lib-access-modifier access-modifier-1.35
 * access-modifier-annotation/src/main/java/org/kohsuke/accmod/restrictions/NoExternalUse.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.kohsuke.accmod.restrictions;

public class NoExternalUse extends DoNotUse {
}
