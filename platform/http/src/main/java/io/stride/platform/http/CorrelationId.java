package io.stride.platform.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The correlation id of the work in progress. For HTTP requests the library takes it from {@code X-Correlation-Id}
 * (or generates a UUID), echoes it on the response and puts it into the log MDC as {@code correlation_id}; this
 * class reads it back anywhere on the request's context (event loop, worker or virtual thread).
 */
public final class CorrelationId {

    /** MDC key of the correlation id (a top-level field of JSON logs). */
    public static final String MDC_KEY = "correlation_id";
    /** MDC key of the calling service (from {@code X-Caller-Service}). */
    public static final String CALLER_SERVICE_MDC_KEY = "caller_service";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private CorrelationId() {
    }

    /** The current correlation id, if the current context has one. */
    public static Optional<String> current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** The current correlation id, or a fresh one (e.g. for work started by a scheduler). */
    public static String currentOrNew() {
        return current().orElseGet(CorrelationId::generate);
    }

    /**
     * Binds a correlation id to the current context's MDC, for work that does not start with an HTTP request (a
     * consumed Kafka record). Invalid values are replaced by a new id; returns the id that was bound.
     */
    public static String bind(String candidate) {
        String id = accept(candidate).orElseGet(CorrelationId::generate);
        MDC.put(MDC_KEY, id);
        return id;
    }

    /** A new random id. */
    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /**
     * A received id is kept only if it is 1..128 characters of {@code [A-Za-z0-9._:-]}: anything else could forge
     * log lines or headers, and is replaced by a generated id.
     */
    static Optional<String> accept(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String trimmed = candidate.strip();
        return ACCEPTED.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }
}
