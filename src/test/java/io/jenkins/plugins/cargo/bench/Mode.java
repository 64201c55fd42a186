package io.jenkins.plugins.cargo.bench;

import io.jenkins.plugins.cargo.api.CargoHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * How a phase follows its runs, and the transport it does it over.
 *
 * @param watch the plugin's run watch; false for a thread per wait
 * @param maxRequestsPerHost the transport's in-flight limit to Cargo
 * @param maxRequests the transport's in-flight limit in all
 * @param idleConnections idle connections the OkHttp client keeps; 0 for OkHttp's default (5), as the
 *     plugin's {@code CargoRuntime} has it
 * @param fastFallback OkHttp's fast fallback (its default, true), which opens each connection on one of
 *     OkHttp's shared TaskRunner threads
 */
record Mode(boolean watch, int maxRequestsPerHost, int maxRequests, int idleConnections, boolean fastFallback) {
    /** The plugin's watch over the plugin's transport settings. */
    static final Mode WATCH = new Mode(true, CargoHttp.DEFAULT_MAX_REQUESTS_PER_HOST, CargoHttp.DEFAULT_MAX_REQUESTS, 0, true);
    /** A thread per wait over the same transport. */
    static final Mode THREAD_PER_WAIT =
            new Mode(false, CargoHttp.DEFAULT_MAX_REQUESTS_PER_HOST, CargoHttp.DEFAULT_MAX_REQUESTS, 0, true);

    /** A watch with other transport settings: {@code maxRequestsPerHost[:idleConnections[:fastFallback]]}. */
    static Mode watchVariant(String spec) {
        String[] v = spec.trim().split(":");
        int perHost = Integer.parseInt(v[0]);
        int idle = v.length > 1 ? Integer.parseInt(v[1]) : 0;
        boolean fastFallback = v.length <= 2 || Boolean.parseBoolean(v[2]);
        return new Mode(true, perHost, Math.max(perHost, CargoHttp.DEFAULT_MAX_REQUESTS), idle, fastFallback);
    }

    /** For the command line of a phase process. */
    String spec() {
        return watch + ":" + maxRequestsPerHost + ":" + maxRequests + ":" + idleConnections + ":" + fastFallback;
    }

    static Mode parse(String spec) {
        String[] v = spec.split(":");
        return new Mode(Boolean.parseBoolean(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]),
                Integer.parseInt(v[3]), Boolean.parseBoolean(v[4]));
    }

    String label() {
        if (equals(WATCH)) {
            return "watch";
        }
        if (equals(THREAD_PER_WAIT)) {
            return "thread per wait";
        }
        List<String> changes = new ArrayList<>();
        if (maxRequestsPerHost != CargoHttp.DEFAULT_MAX_REQUESTS_PER_HOST) {
            changes.add(maxRequestsPerHost + " in flight");
        }
        if (idleConnections > 0) {
            changes.add(idleConnections + " idle conns");
        }
        if (!fastFallback) {
            changes.add("no fast fallback");
        }
        return (watch ? "watch" : "thread per wait") + (changes.isEmpty() ? "" : ", " + String.join(", ", changes));
    }

    /** The OkHttp client the transport is derived from (the plugin passes Jenkins' proxy-aware one). */
    OkHttpClient baseClient() {
        OkHttpClient.Builder builder = new OkHttpClient.Builder().fastFallback(fastFallback);
        if (idleConnections > 0) {
            builder.connectionPool(new ConnectionPool(idleConnections, 5, TimeUnit.MINUTES));
        }
        return builder.build();
    }

    /** The same runs over a transport that keeps its connections and opens them on its own threads. */
    Mode warmUp() {
        return new Mode(watch, maxRequestsPerHost, maxRequests, Math.max(maxRequests, maxRequestsPerHost), false);
    }
}
