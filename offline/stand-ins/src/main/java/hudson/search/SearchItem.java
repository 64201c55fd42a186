/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/search/SearchItem.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.search;

public interface SearchItem {
}
