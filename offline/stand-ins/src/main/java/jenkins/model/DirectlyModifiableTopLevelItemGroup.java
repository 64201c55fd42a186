/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/jenkins/model/DirectlyModifiableTopLevelItemGroup.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package jenkins.model;

public interface DirectlyModifiableTopLevelItemGroup extends ModifiableTopLevelItemGroup {
}
