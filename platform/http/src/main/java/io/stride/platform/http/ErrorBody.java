package io.stride.platform.http;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The platform's one HTTP error body: {@code {"error", "message", "code", "details"}}.
 *
 * @param error   stable snake_case code that clients may branch on (see {@link ErrorCodes})
 * @param message human-readable sentence; never contains class names or stack traces
 * @param code    the HTTP status of the response
 * @param details structured context (violations, conflicting versions, retry hints); {@code {}} when empty
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"error", "message", "code", "details"})
public record ErrorBody(String error, String message, int code, Map<String, Object> details) {

    public ErrorBody {
        details = details == null ? Map.of() : details;
    }

    /** An error body without details. */
    public static ErrorBody of(int code, String error, String message) {
        return new ErrorBody(error, message, code, Map.of());
    }
}
