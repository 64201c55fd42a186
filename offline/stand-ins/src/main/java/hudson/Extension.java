/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/Extension.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static jenkins.YesNoMaybe.MAYBE;

@Retention(RUNTIME) @Target({ TYPE, FIELD, METHOD }) @Documented public @interface Extension {

    double ordinal() default 0;

    YesNoMaybe dynamicLoadable() default MAYBE;
}
