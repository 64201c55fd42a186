/*
 * Compile-only stand-in. Declarations checked against jenkinsci/lib-symbol-annotation symbol-annotation-1.25
 * src/main/java/org/jenkinsci/Symbol.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE) @Documented public @interface Symbol {

    String[] value();
}
