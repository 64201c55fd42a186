/*
 * Compile-only stand-in. Declarations checked against jenkinsci/jenkins jenkins-2.541.3
 * core/src/main/java/hudson/model/Result.java.
 * Only the members the plugin uses or is likely to use, and what the other stand-ins need.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

public final class Result implements Serializable, CustomExportedBean {

    // The real constructor is private too.
    private Result() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static final Result SUCCESS = null;

    @NonNull public static final Result UNSTABLE = null;

    @NonNull public static final Result FAILURE = null;

    @NonNull public static final Result NOT_BUILT = null;

    @NonNull public static final Result ABORTED = null;

    @NonNull public Result combine(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public static Result combine(Result r1, Result r2) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isWorseOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isBetterThan(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    public boolean isCompleteBuild() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public String toString() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }

    @NonNull public static Result fromString(@NonNull String s) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
