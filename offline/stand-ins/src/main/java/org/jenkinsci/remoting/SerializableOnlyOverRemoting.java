/*
 * Compile-only stand-in. Declarations checked against jenkinsci/remoting 3352.v17a_fb_4b_2773f
 * src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {
}
