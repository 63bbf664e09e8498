package io.stride.platform.http;

/** Header names of the platform's HTTP and messaging conventions. */
public final class StrideHeaders {

    /** Correlation id of a request or message; echoed on every HTTP response and copied into Kafka headers. */
    public static final String CORRELATION_ID = "X-Correlation-Id";
    /** Name of the calling service, set by service-to-service clients; logged as {@code caller_service}. */
    public static final String CALLER_SERVICE = "X-Caller-Service";
    /** Kafka record header that carries the correlation id (same name as the HTTP header). */
    public static final String KAFKA_CORRELATION_ID = CORRELATION_ID;
    /** RFC 9745 deprecation header, sent by deprecated API versions. */
    public static final String DEPRECATION = "Deprecation";
    /** RFC 8594 sunset header (HTTP-date), sent by deprecated and sunsetted API versions. */
    public static final String SUNSET = "Sunset";

    private StrideHeaders() {
    }
}
