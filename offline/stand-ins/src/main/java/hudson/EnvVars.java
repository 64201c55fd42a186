/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/EnvVars.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    public EnvVars() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public EnvVars(@NonNull Map<String, String> m) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public EnvVars(@NonNull EnvVars m) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public EnvVars(String... keyValuePairs) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public EnvVars overrideAll(Map<String, String> all) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String put(String key, String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void putIfNotNull(String key, String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
