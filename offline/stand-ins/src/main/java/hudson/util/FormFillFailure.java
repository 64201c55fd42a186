/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/util/FormFillFailure.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need
 * (generateResponse is left out, as in the HttpResponse stand-in).
 */
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public abstract class FormFillFailure extends IOException implements HttpResponse {

    // The real constructors are private too; use the static factories.
    private FormFillFailure() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormFillFailure error(@NonNull String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormFillFailure warning(@NonNull String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormFillFailure error(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormFillFailure warning(String format, Object... args) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormFillFailure errorWithMarkup(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static FormFillFailure warningWithMarkup(String message) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public FormValidation.Kind getKind() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isSelectionCleared() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public FormFillFailure withSelectionCleared() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public abstract String renderHtml();
}
