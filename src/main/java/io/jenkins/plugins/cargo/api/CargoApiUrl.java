package io.jenkins.plugins.cargo.api;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The root of the Cargo API, such as {@code https://api.getcargo.io}. The client adds {@code /v1}.
 *
 * <p>Only https is accepted, because the API token travels in every request. Plain http is allowed for
 * loopback hosts alone, so a local test server or a local TLS-terminating tunnel can be used.
 */
public final class CargoApiUrl {
    public static final String DEFAULT = "https://api.getcargo.io";

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final HttpUrl root;

    private CargoApiUrl(HttpUrl root) {
        this.root = root;
    }

    /**
     * Parses and checks a configured API URL.
     *
     * @throws IllegalArgumentException with a message that names the setting and the fix
     */
    public static CargoApiUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The Cargo API URL is empty. Use " + DEFAULT + ", or leave it unset.");
        }
        String trimmed = text.strip();
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            throw new IllegalArgumentException("The Cargo API URL '" + trimmed
                    + "' is not an http(s) URL. Use the form " + DEFAULT + ".");
        }
        if (url.username().length() > 0 || url.password().length() > 0) {
            throw new IllegalArgumentException("The Cargo API URL must not contain a user name or password;"
                    + " the API token comes from a Jenkins credential.");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException(
                    "The Cargo API URL '" + url.redact() + "' must not have a query or fragment. Use the form " + DEFAULT + ".");
        }
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new IllegalArgumentException("The Cargo API URL '" + url.redact()
                    + "' must use https, because the API token is sent with every request;"
                    + " plain http is only allowed for localhost.");
        }
        String path = url.encodedPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/v1") || path.endsWith("/v1")) {
            throw new IllegalArgumentException("The Cargo API URL '" + url.redact()
                    + "' ends in /v1; leave that out (for example " + DEFAULT + "), the plugin adds the version.");
        }
        return new CargoApiUrl(url.newBuilder().encodedPath(path.isEmpty() ? "/" : path + "/").build());
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || IPV4_LOOPBACK.matcher(host).matches();
    }

    /** The URL of an API path below {@code /v1}, such as {@code orchestration/runs}. */
    HttpUrl resolve(String... segments) {
        HttpUrl.Builder builder = root.newBuilder().addPathSegment("v1");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        String text = root.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CargoApiUrl that && root.equals(that.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }
}
