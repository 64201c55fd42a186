/*
 * Compile-only stand-in. Declarations checked against jenkinsci/json-lib json-lib-2.4-jenkins-15
 * src/main/java/net/sf/json/AbstractJSON.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package net.sf.json;

abstract class AbstractJSON implements JSON {
}
