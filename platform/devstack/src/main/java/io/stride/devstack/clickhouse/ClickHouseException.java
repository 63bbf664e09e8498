package io.stride.devstack.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse error as the HTTP interface reports it: the numeric code (header {@code X-ClickHouse-Exception-Code}),
 * the status a ClickHouse server gives that code, and the {@code Code: N. DB::Exception: … (NAME)} text (body), which
 * clients such as clickhouse-jdbc turn into an {@code SQLException} with that code.
 */
final class ClickHouseException extends Exception {

    static final int UNKNOWN_EXCEPTION = 1001;
    static final int NOT_IMPLEMENTED = 48;
    static final int SYNTAX_ERROR = 62;
    static final int UNKNOWN_SETTING = 115;
    static final int READONLY = 164;

    private static final Pattern CODE = Pattern.compile("^Code: (\\d+)\\.");
    private static final Pattern NAME = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\)\\s*$");

    // How a ClickHouse server maps error codes to HTTP statuses (by error name; anything else is 500).
    private static final Set<String> UNAUTHORIZED = Set.of("REQUIRED_PASSWORD");
    private static final Set<String> FORBIDDEN = Set.of("UNKNOWN_USER", "WRONG_PASSWORD", "AUTHENTICATION_FAILED",
            "SET_NON_GRANTED_ROLE", "ACCESS_DENIED");
    private static final Set<String> BAD_REQUEST = Set.of("BAD_ARGUMENTS", "CANNOT_COMPILE_REGEXP",
            "CANNOT_PARSE_TEXT", "CANNOT_PARSE_ESCAPE_SEQUENCE", "CANNOT_PARSE_QUOTED_STRING", "CANNOT_PARSE_DATE",
            "CANNOT_PARSE_DATETIME", "CANNOT_PARSE_NUMBER", "CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING",
            "CANNOT_PARSE_IPV4", "CANNOT_PARSE_IPV6", "CANNOT_PARSE_INPUT_ASSERTION_FAILED", "CANNOT_PARSE_UUID",
            "DUPLICATE_COLUMN", "ILLEGAL_COLUMN", "UNKNOWN_ELEMENT_IN_AST", "UNKNOWN_TYPE_OF_AST_NODE",
            "THERE_IS_NO_COLUMN", "TOO_DEEP_AST", "TOO_BIG_AST", "UNEXPECTED_AST_STRUCTURE", "SYNTAX_ERROR",
            "INCORRECT_DATA", "TYPE_MISMATCH", "VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE");
    private static final Set<String> NOT_FOUND = Set.of("UNKNOWN_TABLE", "UNKNOWN_FUNCTION", "UNKNOWN_IDENTIFIER",
            "UNKNOWN_TYPE", "UNKNOWN_STORAGE", "UNKNOWN_DATABASE", "UNKNOWN_SETTING", "UNKNOWN_DIRECTION_OF_SORTING",
            "UNKNOWN_AGGREGATE_FUNCTION", "UNKNOWN_FORMAT", "UNKNOWN_DATABASE_ENGINE", "UNKNOWN_TYPE_OF_QUERY",
            "UNKNOWN_ROLE");
    private static final Set<String> UNAVAILABLE = Set.of("SOCKET_TIMEOUT", "CANNOT_OPEN_FILE",
            "CANNOT_SCHEDULE_TASK");

    private final int code;
    private final String errorName;

    private ClickHouseException(int code, String errorName, String text) {
        super(text);
        this.code = code;
        this.errorName = errorName;
    }

    /** An error raised by the stand-in itself, worded as ClickHouse words its errors. */
    static ClickHouseException of(int code, String errorName, String message) {
        return new ClickHouseException(code, errorName,
                "Code: %d. DB::Exception: %s. (%s)".formatted(code, message, errorName));
    }

    /** An error text from the engine ({@code Code: 60. DB::Exception: … (UNKNOWN_TABLE)}). */
    static ClickHouseException parse(String text) {
        Matcher code = CODE.matcher(text);
        Matcher name = NAME.matcher(text);
        return new ClickHouseException(code.find() ? Integer.parseInt(code.group(1)) : UNKNOWN_EXCEPTION,
                name.find() ? name.group(1) : "UNKNOWN_EXCEPTION", text.strip());
    }

    int code() {
        return code;
    }

    String errorName() {
        return errorName;
    }

    /** The HTTP status a ClickHouse server answers this error with. */
    int httpStatus() {
        if (UNAUTHORIZED.contains(errorName)) {
            return 401;
        } else if (FORBIDDEN.contains(errorName)) {
            return 403;
        } else if (BAD_REQUEST.contains(errorName)) {
            return 400;
        } else if (NOT_FOUND.contains(errorName)) {
            return 404;
        } else if ("QUERY_IS_TOO_LARGE".equals(errorName)) {
            return 413;
        } else if ("NOT_IMPLEMENTED".equals(errorName)) {
            return 501;
        } else if (UNAVAILABLE.contains(errorName)) {
            return 503;
        } else if ("HTTP_LENGTH_REQUIRED".equals(errorName)) {
            return 411;
        } else if ("TIMEOUT_EXCEEDED".equals(errorName)) {
            return 408;
        } else if ("UNSUPPORTED_MEDIA_TYPE".equals(errorName)) {
            return 415;
        }
        return 500;
    }
}
