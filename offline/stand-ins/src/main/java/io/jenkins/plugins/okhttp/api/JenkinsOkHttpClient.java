/*
 * Compile-only stand-in. Signature checked against jenkinsci/okhttp-api-plugin 5.3.2-200.vedb_720a_cf1f8
 * src/main/java/io/jenkins/plugins/okhttp/api/JenkinsOkHttpClient.java. Only the members the plugin calls.
 */
package io.jenkins.plugins.okhttp.api;

import okhttp3.OkHttpClient;

/** Stand-in for the okhttp-api helper that applies the Jenkins proxy configuration to an OkHttp client. */
public class JenkinsOkHttpClient {

    private JenkinsOkHttpClient() {}

    /**
     * In Jenkins: a builder derived from {@code httpClient} with the Jenkins proxy selector and proxy
     * authenticator set.
     */
    public static OkHttpClient.Builder newClientBuilder(OkHttpClient httpClient) {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
