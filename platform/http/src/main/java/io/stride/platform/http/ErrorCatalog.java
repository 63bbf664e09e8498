package io.stride.platform.http;

/** The code and generic message for a bare HTTP status, used when nothing more specific is known. */
final class ErrorCatalog {

    private ErrorCatalog() {
    }

    static ErrorBody forStatus(int status) {
        return ErrorBody.of(status, code(status), message(status));
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> ErrorCodes.BAD_REQUEST;
            case 401 -> ErrorCodes.UNAUTHENTICATED;
            case 403 -> ErrorCodes.FORBIDDEN;
            case 404 -> ErrorCodes.NOT_FOUND;
            case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCodes.NOT_ACCEPTABLE;
            case 408 -> ErrorCodes.REQUEST_TIMEOUT;
            case 409 -> ErrorCodes.CONFLICT;
            case 410 -> ErrorCodes.GONE;
            case 412 -> ErrorCodes.PRECONDITION_FAILED;
            case 413 -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorCodes.URI_TOO_LONG;
            case 415 -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ErrorCodes.UNPROCESSABLE;
            case 429 -> ErrorCodes.RATE_LIMITED;
            case 431 -> ErrorCodes.HEADERS_TOO_LARGE;
            case 501 -> ErrorCodes.NOT_IMPLEMENTED;
            case 502 -> ErrorCodes.BAD_GATEWAY;
            case 503 -> ErrorCodes.SERVICE_UNAVAILABLE;
            case 504 -> ErrorCodes.GATEWAY_TIMEOUT;
            default -> status >= 500 ? ErrorCodes.INTERNAL_ERROR : ErrorCodes.CLIENT_ERROR;
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "The request is invalid";
            case 401 -> "Authentication is required";
            case 403 -> "Not allowed to perform this action";
            case 404 -> "The requested resource does not exist";
            case 405 -> "The HTTP method is not supported by this resource";
            case 406 -> "None of the acceptable media types can be produced";
            case 408 -> "The request took too long to arrive";
            case 409 -> "The request conflicts with the current state of the resource";
            case 410 -> "The resource is no longer available";
            case 412 -> "A precondition of the request failed";
            case 413 -> "The request body is too large";
            case 414 -> "The request URI is too long";
            case 415 -> "The request content type is not supported by this resource";
            case 422 -> "The request cannot be processed";
            case 429 -> "Too many requests, retry later";
            case 431 -> "The request headers are too large";
            case 501 -> "Not implemented";
            case 502 -> "An upstream service answered with an error";
            case 503 -> "The service is temporarily unavailable, retry later";
            case 504 -> "An upstream service did not answer in time";
            default -> status >= 500 ? "An unexpected error occurred" : "The request failed";
        };
    }
}
