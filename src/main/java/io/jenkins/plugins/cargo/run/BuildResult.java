package io.jenkins.plugins.cargo.run;

/**
 * The result a Cargo run gives the build, in Jenkins' order from best to worst. The Jenkins glue maps it
 * one to one onto {@code hudson.model.Result}; the core stays free of Jenkins types.
 */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    ABORTED;

    public boolean isWorseThan(BuildResult other) {
        return ordinal() > other.ordinal();
    }
}
