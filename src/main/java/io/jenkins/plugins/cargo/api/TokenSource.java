package io.jenkins.plugins.cargo.api;

/**
 * Supplies the Cargo API token for each request.
 *
 * <p>The client asks for the token when it builds a request and keeps it nowhere else, so it cannot
 * end up in a {@code toString}, a field dump or a serialized state. In Jenkins the source reads a
 * Secret text credential.
 */
@FunctionalInterface
public interface TokenSource {
    /** The bearer token, without the {@code Bearer } prefix. */
    String token() throws CargoException;
}
