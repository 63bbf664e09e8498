package io.stride.platform.http;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;

/**
 * First platform route of every request: binds the correlation id (received or generated) and the caller service
 * to the log MDC and echoes the id on the response. Runs again after a reroute and keeps the id it bound.
 *
 * <p>Public only because Quarkus-generated code calls it from another class loader when the library is a
 * dependency; it is wiring, not API.
 */
@ApplicationScoped
public class CorrelationHandler {

    static final String CONTEXT_KEY = "stride.correlation-id";
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

    public void handle(RoutingContext ctx) {
        String id = ctx.get(CONTEXT_KEY);
        if (id == null) {
            id = CorrelationId.accept(ctx.request().getHeader(StrideHeaders.CORRELATION_ID))
                    .orElseGet(CorrelationId::generate);
            ctx.put(CONTEXT_KEY, id);
            MDC.put(CorrelationId.MDC_KEY, id);
            String caller = ctx.request().getHeader(StrideHeaders.CALLER_SERVICE);
            if (caller != null && SERVICE_NAME.matcher(caller.strip()).matches()) {
                MDC.put(CorrelationId.CALLER_SERVICE_MDC_KEY, caller.strip());
            }
        }
        // Set on every pass: a reroute clears the response headers.
        ctx.response().putHeader(StrideHeaders.CORRELATION_ID, id);
        ctx.next();
    }

    /** Makes sure an error written outside the normal chain still carries the correlation id. */
    static void ensureResponseHeader(RoutingContext ctx) {
        if (ctx.response().headers().contains(StrideHeaders.CORRELATION_ID)) {
            return;
        }
        String id = ctx.get(CONTEXT_KEY);
        if (id == null) {
            id = CorrelationId.accept(ctx.request().getHeader(StrideHeaders.CORRELATION_ID))
                    .orElseGet(CorrelationId::generate);
            ctx.put(CONTEXT_KEY, id);
        }
        ctx.response().putHeader(StrideHeaders.CORRELATION_ID, id);
    }
}
