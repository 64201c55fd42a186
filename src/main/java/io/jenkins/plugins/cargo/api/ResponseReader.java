package io.jenkins.plugins.cargo.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads Cargo's answers: the body, capped in size; JSON, checked; and every non-2xx answer classified
 * into the exception a caller can act on, with a message that says what to do.
 */
final class ResponseReader {
    /** Far above any run Cargo returns, low enough that a runaway answer cannot exhaust the controller's heap. */
    static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

    private final Clock clock;

    ResponseReader(Clock clock) {
        this.clock = clock;
    }

    /**
     * The whole body, at most {@link #MAX_BODY_BYTES}.
     *
     * @throws IOException when the body is cut off (the caller treats that like a lost connection)
     * @throws CargoBadResponseException when the body is larger than the cap
     */
    byte[] body(Response response, Operation operation) throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge(response, operation, declared + " bytes declared");
        }
        BufferedSource source = body.source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw tooLarge(response, operation, "more than " + MAX_BODY_BYTES + " bytes");
        }
        return source.getBuffer().readByteArray();
    }

    private static CargoBadResponseException tooLarge(Response response, Operation operation, String size) {
        return new CargoBadResponseException("Cargo's answer to " + operation.description() + " is too large ("
                + size + "; this client reads at most " + MAX_BODY_BYTES / (1024 * 1024) + " MiB)."
                + " If the run's output is that large, have the workflow store it elsewhere and return a reference.",
                response.code(),
                null);
    }

    /** Reads the JSON object of a 2xx answer, the parser standing on its opening brace. */
    @FunctionalInterface
    interface JsonReading<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** The rest of an answer's object as a tree, with the parser standing on its opening brace. */
    JsonNode treeOf(JsonParser parser) throws IOException {
        JsonNode node = parser.readValueAsTree();
        // Trailing content after the object is refused, as the mapper refuses it elsewhere.
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "trailing content");
        }
        return node;
    }

    /** A 2xx answer read by {@code reading}, which must find a JSON object; a parse failure names the place only. */
    <T> T json(Response response, byte[] body, Operation operation, JsonReading<T> reading)
            throws CargoBadResponseException {
        if (body.length == 0) {
            throw new CargoBadResponseException("Cargo answered " + operation.description() + " with HTTP "
                    + response.code() + " and an empty body, where a JSON object was expected.", response.code(), null);
        }
        try (JsonParser parser = CargoJson.MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CargoBadResponseException("Cargo answered " + operation.description()
                        + " with JSON that is not an object.", response.code(), null);
            }
            return reading.read(parser);
        } catch (CargoBadResponseException e) {
            throw e;
        } catch (IOException e) {
            String at = e instanceof JsonProcessingException json ? CargoJson.location(json) : "an unknown position";
            throw new CargoBadResponseException("Cargo answered " + operation.description() + " with HTTP "
                    + response.code() + " and a body that is not valid JSON" + contentTypeOf(response)
                    + " (the error is at " + at + ")." + notFromCargoHint(response),
                    response.code(),
                    null);
        }
    }

    /** The exception for a non-2xx answer. */
    CargoException failure(Response response, byte[] body, Operation operation, Redactor redactor) {
        int code = response.code();
        // A gateway that echoes what it refused would echo a create's data: quote nothing of those answers.
        ErrorBody error = ErrorBody.of(operation.kind() == Operation.Kind.CREATE ? withoutText(body) : body, redactor);
        String what = operation.description();
        String said = error.said();
        if (code == 401) {
            return new CargoAuthenticationException("Cargo refused the API token (HTTP 401) while " + what + "."
                    + " Check that the Jenkins credential holds a current Cargo API token;"
                    + " tokens are made in Cargo under Settings > API." + said, code, error.reason, error.errorMessage);
        }
        if (code == 403) {
            return new CargoAuthenticationException("Cargo refused access (HTTP 403) while " + what + ":"
                    + " the API token lacks the rights for it. Use a token of the workflow's workspace"
                    + " that is allowed to run workflows." + said, code, error.reason, error.errorMessage);
        }
        // A create refused with a reason was not carried out, whatever the status; the reason says why.
        if (error.reason != null && operation.kind() == Operation.Kind.CREATE) {
            return new CargoRejectedException(CreateRunRejection.sentence(error.reason, operation.createRequest())
                    + " (HTTP " + code + ", reason " + error.reason + ")" + said, code, error.reason, error.errorMessage);
        }
        if (code == 429) {
            Duration retryAfter = retryAfter(response.header("Retry-After"));
            return new CargoTransientException("Cargo is limiting the rate of requests (HTTP 429) while " + what + "."
                    + (retryAfter == null ? "" : " It asked to wait " + retryAfter.toSeconds() + " s.") + said,
                    code, error.reason, error.errorMessage, retryAfter, true, null);
        }
        if (code == 404) {
            String message = operation.missing() != null
                    ? operation.missing()
                    : "Cargo answered HTTP 404 while " + what + ". Check the Cargo API URL: it must be the API's"
                            + " root, such as " + CargoApiUrl.DEFAULT + ".";
            return new CargoNotFoundException(message + said + notFromCargoHint(response, body, error), error.reason, error.errorMessage);
        }
        if (code >= 500) {
            Duration retryAfter = retryAfter(response.header("Retry-After"));
            return new CargoTransientException("Cargo answered HTTP " + code + " while " + what + "."
                    + (retryAfter == null ? "" : " It asked to wait " + retryAfter.toSeconds() + " s.")
                    + said + notFromCargoHint(response, body, error), code, error.reason, error.errorMessage,
                    retryAfter, true, null);
        }
        if (code >= 300 && code < 400) {
            return new CargoBadResponseException("Cargo answered " + what + " with a redirect (HTTP " + code + ")."
                    + " Check the Cargo API URL: it must point at the API itself, such as " + CargoApiUrl.DEFAULT
                    + ", not at a page that redirects.", code, null);
        }
        return new CargoRejectedException("Cargo refused " + what + " (HTTP " + code
                + (error.reason == null ? "" : ", reason " + error.reason) + ")." + said
                + notFromCargoHint(response, body, error), code, error.reason, error.errorMessage);
    }

    /** The body when it is JSON (Cargo's own error object), else nothing. */
    private static byte[] withoutText(byte[] body) {
        try {
            JsonNode node = CargoJson.MAPPER.readTree(body);
            return node != null && node.isObject() ? body : new byte[0];
        } catch (IOException notJson) {
            return new byte[0];
        }
    }

    /** Retry-After is either a number of seconds or an HTTP date. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String contentTypeOf(Response response) {
        String type = response.header("Content-Type");
        return type == null ? "" : " (content type " + type + ")";
    }

    /** A hint when the answer plainly did not come from the Cargo API, which always answers in JSON. */
    private static String notFromCargoHint(Response response) {
        String type = response.header("Content-Type");
        return type != null && !type.contains("json")
                ? " The answer may come from a proxy or gateway between Jenkins and Cargo." : "";
    }

    private static String notFromCargoHint(Response response, byte[] body, ErrorBody error) {
        if (body.length == 0 || error.json) {
            return "";
        }
        return notFromCargoHint(response) + (error.text == null ? "" : " It begins: \"" + error.text + "\"");
    }

    /** What an error body holds: Cargo's reason and errorMessage when it is JSON, else its first words. */
    private static final class ErrorBody {
        final boolean json;
        final String reason;
        final String errorMessage;
        final String text;

        private ErrorBody(boolean json, String reason, String errorMessage, String text) {
            this.json = json;
            this.reason = reason;
            this.errorMessage = errorMessage;
            this.text = text;
        }

        static ErrorBody of(byte[] body, Redactor redactor) {
            if (body.length == 0) {
                return new ErrorBody(false, null, null, null);
            }
            try {
                JsonNode node = CargoJson.MAPPER.readTree(body);
                if (node != null && node.isObject()) {
                    return new ErrorBody(true, RunJson.text(node, "reason"),
                            redactor.quote(RunJson.text(node, "errorMessage")), null);
                }
            } catch (IOException notJson) {
                // Not JSON: a proxy's page or a bare gateway error. Quote its beginning instead.
            }
            return new ErrorBody(false, null, null, redactor.quote(new String(body, StandardCharsets.UTF_8)));
        }

        String said() {
            return errorMessage == null ? "" : " Cargo said: \"" + errorMessage + "\"";
        }
    }
}
