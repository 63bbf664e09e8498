package io.stride.platform.http;

/**
 * The stable {@code error} codes the library itself produces. Apps add their own snake_case codes for domain
 * rules (409/422), e.g. {@code workout_already_finished}.
 */
public final class ErrorCodes {

    public static final String BAD_REQUEST = "bad_request";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String TYPE_MISMATCH = "type_mismatch";
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String API_VERSION_CONFLICT = "api_version_conflict";
    public static final String UNSUPPORTED_API_VERSION = "unsupported_api_version";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String REQUEST_TIMEOUT = "request_timeout";
    public static final String CONFLICT = "conflict";
    public static final String GONE = "gone";
    public static final String API_VERSION_SUNSETTED = "api_version_sunsetted";
    public static final String PRECONDITION_FAILED = "precondition_failed";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String URI_TOO_LONG = "uri_too_long";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String UNPROCESSABLE = "unprocessable";
    public static final String RATE_LIMITED = "rate_limited";
    public static final String HEADERS_TOO_LARGE = "headers_too_large";
    public static final String CLIENT_ERROR = "client_error";
    public static final String INTERNAL_ERROR = "internal_error";
    public static final String NOT_IMPLEMENTED = "not_implemented";
    public static final String BAD_GATEWAY = "bad_gateway";
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";
    public static final String GATEWAY_TIMEOUT = "gateway_timeout";

    private ErrorCodes() {
    }
}
