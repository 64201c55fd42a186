package io.jenkins.plugins.cargo.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Removes the API token from text that came from elsewhere (an error body, Cargo's errorMessage) before
 * it becomes part of an exception message. Cargo has no reason to echo the token, but a proxy or a
 * debugging gateway in between might.
 */
final class Redactor {
    private static final int MAX_QUOTED_CHARS = 300;

    private final String secret;

    Redactor(String secret) {
        this.secret = secret;
    }

    /**
     * A digest that tells tokens apart without revealing them, to key what is cached per token. SHA-256,
     * so nothing about the token can be read back from it.
     */
    static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The text with the token replaced, control characters folded to spaces, and cut to a readable length. */
    String quote(String text) {
        if (text == null) {
            return null;
        }
        String clean = secret.isEmpty() ? text : text.replace(secret, "****");
        clean = clean.replaceAll("\\p{Cntrl}+", " ").strip();
        if (clean.length() > MAX_QUOTED_CHARS) {
            clean = clean.substring(0, MAX_QUOTED_CHARS) + "…";
        }
        return clean;
    }
}
