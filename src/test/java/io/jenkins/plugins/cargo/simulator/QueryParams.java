package io.jenkins.plugins.cargo.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string of a GET, as Cargo's client encodes it (axios style, {@code @cargo-ai/api}
 * {@code fetcher/params.js}): {@code key=value} pairs percent-encoded, a space as {@code +}, and a
 * top-level array as repeated {@code key[]=value} with the brackets usually sent as {@code %5B%5D}.
 * Keys are compared after decoding, so {@code statuses[]} and {@code statuses%5B%5D} are the same key.
 */
final class QueryParams {

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses the query string of a request target; a target without one has no parameters. */
    static QueryParams of(String target) throws InvalidDataException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int start = target.indexOf('?');
        if (start >= 0) {
            for (String pair : target.substring(start + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParams(values);
    }

    /** The one value of a plain parameter, or null if it is absent; given twice, it is refused. */
    String optionalText(String name) throws InvalidDataException {
        List<String> given = values.get(name);
        if (given == null) {
            return null;
        }
        if (given.size() > 1) {
            throw new InvalidDataException(name + " must be given once");
        }
        return given.get(0);
    }

    String requiredText(String name) throws InvalidDataException {
        String value = optionalText(name);
        if (value == null || value.isBlank()) {
            throw new InvalidDataException(name + " is required");
        }
        return value;
    }

    /** A non-negative whole number, or {@code defaultValue} if absent. */
    int optionalCount(String name, int defaultValue) throws InvalidDataException {
        String value = optionalText(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Refused below, like a negative number.
        }
        throw new InvalidDataException(name + " must be a non-negative integer");
    }

    /**
     * The values of an array parameter, sent as {@code name[]=a&name[]=b} (or, leniently, as a plain
     * repeated {@code name}), or null when neither form is present.
     */
    List<String> optionalList(String name) {
        List<String> bracketed = values.get(name + "[]");
        List<String> plain = values.get(name);
        if (bracketed == null && plain == null) {
            return null;
        }
        List<String> all = new ArrayList<>();
        if (bracketed != null) {
            all.addAll(bracketed);
        }
        if (plain != null) {
            all.addAll(plain);
        }
        return all;
    }

    private static String decode(String text) throws InvalidDataException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("the query string is not properly percent-encoded");
        }
    }
}
