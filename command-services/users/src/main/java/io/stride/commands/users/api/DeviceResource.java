package io.stride.commands.users.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.application.DeviceService;
import io.stride.commands.users.domain.Device;
import io.stride.platform.http.ApiException;

/**
 * The caller's wearables (ADR 0006): register one (its credential is in the answer, this once only), list them,
 * revoke one. A device of another user is answered as unknown (404).
 */
@Path("/api/v1/users/me/devices")
@Authenticated
public class DeviceResource {

    static final int MODEL_MAX = 100;

    private final DeviceService devices;
    private final JsonWebToken jwt;

    public DeviceResource(DeviceService devices, JsonWebToken jwt) {
        this.devices = devices;
        this.jwt = jwt;
    }

    /** Request body of a registration; {@code model} optional. */
    public record RegisterDevice(@Size(max = MODEL_MAX) String model) {
    }

    /** A device as listed. */
    public record DeviceView(UUID deviceId, String model, Instant registeredAt, Instant revokedAt) {

        static DeviceView of(Device device) {
            return new DeviceView(device.deviceId(), device.model(), device.registeredAt(), device.revokedAt());
        }
    }

    /** A registered device with its credential {@code <device_id>.<secret>}. */
    public record RegisteredDeviceView(UUID deviceId, String model, Instant registeredAt, String credential) {
    }

    /** 201 with the credential; 409 {@code device_limit_reached} when the caller has the most active devices. */
    @POST
    public Uni<Response> register(@Valid RegisterDevice request) {
        String model = request == null || request.model() == null || request.model().isBlank()
                ? null
                : request.model().strip();
        return devices.register(userId(), model)
                .map(registered -> Response.created(URI.create("/api/v1/users/me/devices/"
                                + registered.device().deviceId()))
                        .entity(new RegisteredDeviceView(registered.device().deviceId(), registered.device().model(),
                                registered.device().registeredAt(), registered.credential()))
                        .build());
    }

    @GET
    public Uni<List<DeviceView>> list() {
        return devices.list(userId())
                .map(list -> list.stream()
                        .map(DeviceView::of)
                        .toList());
    }

    /** 204; the credential stops working once the gateway has read the revocation (ADR 0006). */
    @DELETE
    @Path("/{deviceId}")
    public Uni<Response> revoke(@PathParam("deviceId") String deviceId) {
        UUID id;
        try {
            id = UUID.fromString(deviceId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("device", "unknown");
        }
        return devices.revoke(userId(), id)
                .map(ignored -> Response.noContent().build());
    }

    private UUID userId() {
        return UUID.fromString(jwt.getSubject());
    }
}
