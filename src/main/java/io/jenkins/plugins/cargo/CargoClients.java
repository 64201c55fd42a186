package io.jenkins.plugins.cargo;

import io.jenkins.plugins.cargo.api.CargoApiUrl;
import io.jenkins.plugins.cargo.api.CargoClient;
import io.jenkins.plugins.cargo.api.TokenSource;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import okhttp3.OkHttpClient;

/**
 * Cargo clients for use inside Jenkins. They go through the proxy set under Manage Jenkins » System »
 * HTTP Proxy Configuration, no-proxy hosts included, read again for every request so a change applies at
 * once; and they all share one connection pool, so many builds do not open many connections.
 */
public final class CargoClients {
    /** The one pool and dispatcher of the controller; each client derived from it only adds settings. */
    private static final OkHttpClient SHARED = new OkHttpClient();

    private CargoClients() {}

    /** A client builder with the Jenkins proxy; the caller adds timeouts or a listener and builds it. */
    public static CargoClient.Builder builder(CargoApiUrl apiUrl, TokenSource tokens) {
        return CargoClient.builder(apiUrl, tokens)
                .httpClient(JenkinsOkHttpClient.newClientBuilder(SHARED).build());
    }
}
