package io.stride.platform.http;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the platform's error body for failures that never reach JAX-RS: unknown routes, Vert.x handler failures,
 * oversized bodies and version selection errors.
 *
 * <p>Public only because Quarkus-generated code calls it from another class loader when the library is a
 * dependency; it is wiring, not API.
 */
@ApplicationScoped
public class VertxErrorWriter {

    private static final String JSON = "application/json";

    private final ObjectMapper objectMapper;
    private final Optional<Long> maxBodyBytes;

    public VertxErrorWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.maxBodyBytes = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue);
    }

    /** Failure handler: a handler failed or called {@code fail(status)}. */
    public void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            write(ctx, api.toBody(), retryAfter(api));
            return;
        }
        int status = ctx.statusCode();
        if (failure instanceof HttpException http) {
            status = http.getStatusCode();
        }
        if (status < 400 || status > 599) {
            status = 500;
        }
        if (status >= 500) {
            Log.errorf(failure, "request failed status=%d method=%s path=%s",
                    status, ctx.request().method(), ctx.normalizedPath());
        }
        write(ctx, status == 413 ? payloadTooLarge() : ErrorCatalog.forStatus(status));
    }

    /** Router error handler for a status the router produced itself (no route matched: 404, 405). */
    public void onUnmatched(RoutingContext ctx, int status) {
        write(ctx, ErrorCatalog.forStatus(status));
    }

    public ErrorBody payloadTooLarge() {
        return maxBodyBytes
                .map(limit -> new ErrorBody(ErrorCodes.PAYLOAD_TOO_LARGE,
                        "The request body exceeds the limit of " + limit + " bytes", 413, Map.of("max_bytes", limit)))
                .orElseGet(() -> ErrorCatalog.forStatus(413));
    }

    public Optional<Long> maxBodyBytes() {
        return maxBodyBytes;
    }

    public void write(RoutingContext ctx, ErrorBody body) {
        write(ctx, body, Map.of());
    }

    public void write(RoutingContext ctx, ErrorBody body, Map<String, String> headers) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // Part of a response is already out: the status cannot change any more; cut the connection.
            ctx.request().connection().close();
            return;
        }
        CorrelationHandler.ensureResponseHeader(ctx);
        response.setStatusCode(body.code());
        headers.forEach(response::putHeader);
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
        response.end(encode(body));
    }

    static Map<String, String> retryAfter(ApiException api) {
        return api.retryAfter()
                .map(duration -> Map.of("Retry-After", Long.toString(ApiException.seconds(duration))))
                .orElse(Map.of());
    }

    private String encode(ErrorBody body) {
        try {
            return objectMapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            Log.errorf(e, "error body not serialisable error=%s", body.error());
            return "{\"error\":\"internal_error\",\"message\":\"An unexpected error occurred\",\"code\":500,"
                    + "\"details\":{}}";
        }
    }
}
