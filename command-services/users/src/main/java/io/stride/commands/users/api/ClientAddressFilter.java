package io.stride.commands.users.api;

import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.stride.commands.users.application.RequestOrigin;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.domain.ClientAddresses;
import io.vertx.core.http.HttpServerRequest;

/** Binds each request's client IP ({@code users.client-ip.trusted-proxies}) for the rate limiter and the audit log. */
public class ClientAddressFilter {

    private final Set<String> trustedProxies;

    public ClientAddressFilter(UsersConfig config) {
        this.trustedProxies = Set.copyOf(config.clientIp().trustedProxies().orElse(java.util.List.of()));
    }

    @ServerRequestFilter(preMatching = true)
    void bindClientIp(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String forwardedFor = String.join(",", request.headers().getAll("X-Forwarded-For"));
        RequestOrigin.bindClientIp(ClientAddresses.resolve(peer, forwardedFor, trustedProxies));
    }
}
