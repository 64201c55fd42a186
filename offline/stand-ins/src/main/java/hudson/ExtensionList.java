/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/ExtensionList.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import jenkins.model.Jenkins;
import jenkins.util.io.OnMaster;

public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @CheckForNull public <U extends T> U get(@NonNull Class<U> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public T get(int index) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public int size() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static <T> ExtensionList<T> lookup(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static <U> U lookupFirst(Class<U> type) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
