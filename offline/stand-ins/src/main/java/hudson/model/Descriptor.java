/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/Descriptor.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.Permission;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

    public final Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public String getDisplayName() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getId() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public Class<T> getT() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getDescriptorUrl() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getConfigPage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public String getGlobalConfigPage() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public Permission getRequiredGlobalConfigPagePermission() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void save() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public void load() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static final class FormException extends Exception implements HttpResponse {

        public FormException(String message, String formField) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public FormException(String message, Throwable cause, String formField) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public FormException(Throwable cause, String formField) {
            throw new UnsupportedOperationException("compile-only stand-in");
        }

        public String getFormField() {
            throw new UnsupportedOperationException("compile-only stand-in");
        }
    }
}
