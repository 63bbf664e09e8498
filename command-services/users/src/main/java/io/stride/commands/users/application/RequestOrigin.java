package io.stride.commands.users.application;

import java.util.Optional;

import io.smallrye.common.vertx.ContextLocals;
import io.stride.platform.http.CorrelationId;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where the request in progress comes from: the client IP (bound once per request by the API's filter, on the
 * request's Vert.x context) and the correlation id, for the audit log and the rate limiter.
 */
public final class RequestOrigin {

    private static final String CLIENT_IP = "users.client-ip";

    private RequestOrigin() {
    }

    /** Binds the client IP to the current request. */
    public static void bindClientIp(String ip) {
        if (Vertx.currentContext() != null) {
            ContextLocals.put(CLIENT_IP, ip);
        }
    }

    /** The current request's client IP, if one was bound. */
    public static Optional<String> clientIp() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Optional.empty();
        }
        return ContextLocals.<String>get(CLIENT_IP);
    }

    /** The current correlation id, if any. */
    public static Optional<String> correlationId() {
        return CorrelationId.current();
    }
}
