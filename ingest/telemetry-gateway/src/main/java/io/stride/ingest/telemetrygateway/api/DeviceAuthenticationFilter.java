package io.stride.ingest.telemetrygateway.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.smallrye.mutiny.Uni;
import io.stride.platform.devices.AuthenticatedDevice;
import io.stride.platform.devices.DeviceAuthenticator;
import io.stride.platform.http.ApiException;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates the device of every request to a {@link DeviceAuthenticated} resource, before its body is read, and
 * hands the {@link AuthenticatedDevice} to the resource through the routing context.
 */
class DeviceAuthenticationFilter {

    private static final String DEVICE = AuthenticatedDevice.class.getName();

    private final DeviceAuthenticator authenticator;

    DeviceAuthenticationFilter(DeviceAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The device {@link #authenticate} admitted for this request. */
    static AuthenticatedDevice device(RoutingContext context) {
        AuthenticatedDevice device = context.get(DEVICE);
        if (device == null) {
            throw new IllegalStateException("the resource is not @DeviceAuthenticated");
        }
        return device;
    }

    @ServerRequestFilter
    Uni<Response> authenticate(SimpleResourceInfo resource, RoutingContext context) {
        if (resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(DeviceAuthenticated.class)) {
            return Uni.createFrom().nullItem();
        }
        return authenticator.authenticate(context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .map(device -> {
                    context.put(DEVICE, device);
                    return (Response) null;
                })
                .onFailure(ApiException.class).recoverWithItem(failure -> {
                    ApiException refused = (ApiException) failure;
                    return Response.status(refused.status())
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .header(HttpHeaders.WWW_AUTHENTICATE, DeviceAuthenticator.SCHEME)
                            .entity(refused.toBody())
                            .build();
                });
    }
}
