package io.stride.platform.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An anticipated failure that an app throws to answer with the platform's error body. The factories follow the
 * style guide's mapping (validation 400, unauthenticated 401, forbidden 403, unknown id 404, conflict 409, domain
 * rule 422, rate limited 429, dependency down 503 with {@code Retry-After}).
 *
 * <p>It carries no stack trace: it is control flow, not a bug. Unexpected failures are plain exceptions and become
 * a logged 500 {@code internal_error}.
 */
public class ApiException extends RuntimeException {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final int status;
    private final String error;
    private final Map<String, Object> details;
    private final Duration retryAfter;

    /**
     * @param status  HTTP status, 400..599
     * @param error   stable snake_case code
     * @param message human-readable message, sent to the client as is
     * @param details structured details, may be empty; values must be JSON-serialisable
     */
    public ApiException(int status, String error, String message, Map<String, ?> details) {
        this(status, error, message, details, null);
    }

    /**
     * @param retryAfter when present, sent as {@code Retry-After} (whole seconds, rounded up)
     */
    public ApiException(int status, String error, String message, Map<String, ?> details, Duration retryAfter) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599: " + status);
        }
        if (error == null || !SNAKE_CASE.matcher(error).matches()) {
            throw new IllegalArgumentException("error must be snake_case: " + error);
        }
        this.status = status;
        this.error = error;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.retryAfter = retryAfter;
    }

    /** 400 {@code validation_failed} with free-form details. */
    public static ApiException validation(String message, Map<String, ?> details) {
        return new ApiException(400, ErrorCodes.VALIDATION_FAILED, message, details);
    }

    /** 400 {@code validation_failed} for one field, shaped like Bean Validation's {@code details.violations}. */
    public static ApiException invalidField(String field, String message) {
        return validation(message, Map.of("violations", List.of(Map.of("field", field, "message", message))));
    }

    /** 401 {@code unauthenticated}. */
    public static ApiException unauthenticated(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHENTICATED, message, Map.of());
    }

    /** 403 {@code forbidden}. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, ErrorCodes.FORBIDDEN, message, Map.of());
    }

    /** 404 {@code not_found} for an unknown id; details name the resource kind and the id. */
    public static ApiException notFound(String resource, String id) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, resource + " " + id + " not found",
                Map.of("resource", resource, "id", id));
    }

    /** 409 with an app-specific code, e.g. {@code version_conflict} or {@code duplicate_workout}. */
    public static ApiException conflict(String error, String message, Map<String, ?> details) {
        return new ApiException(409, error, message, details);
    }

    /** 409 {@code conflict}. */
    public static ApiException conflict(String message) {
        return conflict(ErrorCodes.CONFLICT, message, Map.of());
    }

    /** 422: a domain rule was violated; use a code naming the rule, e.g. {@code workout_already_finished}. */
    public static ApiException unprocessable(String error, String message, Map<String, ?> details) {
        return new ApiException(422, error, message, details);
    }

    /** 429 {@code rate_limited} with {@code Retry-After}. */
    public static ApiException rateLimited(Duration retryAfter) {
        return new ApiException(429, ErrorCodes.RATE_LIMITED, "Too many requests, retry later",
                Map.of("retry_after_seconds", seconds(retryAfter)), retryAfter);
    }

    /** 503 {@code service_unavailable} with {@code Retry-After}: a dependency is down or a store is not ready. */
    public static ApiException unavailable(String message, Duration retryAfter) {
        return new ApiException(503, ErrorCodes.SERVICE_UNAVAILABLE, message,
                Map.of("retry_after_seconds", seconds(retryAfter)), retryAfter);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The body this exception is answered with. */
    public ErrorBody toBody() {
        return new ErrorBody(error, getMessage(), status, details);
    }

    static long seconds(Duration duration) {
        Objects.requireNonNull(duration, "retryAfter");
        long seconds = duration.toSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return Math.max(seconds, 0);
    }
}
