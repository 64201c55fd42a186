/*
 * Compile-only stand-in. Declarations checked against jenkinsci/lib-access-modifier access-modifier-1.35
 * access-modifier-annotation/src/main/java/org/kohsuke/accmod/Restricted.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.kohsuke.accmod;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

@Retention(RUNTIME) @Documented public @interface Restricted {

    Class<? extends AccessRestriction>[] value();
}
