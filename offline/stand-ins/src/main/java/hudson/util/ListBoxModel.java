/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/util/ListBoxModel.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.ModelObject;
import java.util.ArrayList;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public static final class Option {

        @NonNull public String name;

        @NonNull public String value;

        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public Option(@NonNull String name) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public Option(@NonNull String name, @NonNull String value, boolean selected) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public String toString() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }

    public ListBoxModel(int initialCapacity) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel(Collection<Option> c) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel(Option... data) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void add(ModelObject usedForDisplayName, @NonNull String value) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public ListBoxModel add(@NonNull String nameAndValue) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
