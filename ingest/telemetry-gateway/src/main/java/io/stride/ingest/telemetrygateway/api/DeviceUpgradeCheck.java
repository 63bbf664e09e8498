package io.stride.ingest.telemetrygateway.api;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.stride.platform.devices.AuthenticatedDevice;
import io.stride.platform.devices.DeviceAuthenticator;
import io.stride.platform.http.ApiException;

/**
 * Authenticates the device on the WebSocket upgrade request of the telemetry stream: without a valid
 * {@code Authorization: Device <deviceId>.<secret>} header the upgrade is refused with 401 (and
 * {@code WWW-Authenticate: Device}; WebSockets Next sends no body with a refused upgrade). The admitted device is kept
 * in the connection's user data for the messages that follow.
 */
@ApplicationScoped
class DeviceUpgradeCheck implements HttpUpgradeCheck {

    /** The device admitted on the upgrade, in the connection's user data. */
    static final UserData.TypedKey<AuthenticatedDevice> DEVICE = new UserData.TypedKey<>("stride.device");

    private final DeviceAuthenticator authenticator;

    DeviceUpgradeCheck(DeviceAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return TelemetryStreamSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return authenticator.authenticate(context.httpRequest().getHeader(HttpHeaders.AUTHORIZATION))
                .chain(device -> {
                    context.userData().put(DEVICE, device);
                    return CheckResult.permitUpgrade();
                })
                .onFailure(ApiException.class).recoverWithUni(failure -> {
                    int status = ((ApiException) failure).status();
                    Log.debugf("telemetry stream upgrade refused status=%d", status);
                    return CheckResult.rejectUpgrade(status,
                            Map.of(HttpHeaders.WWW_AUTHENTICATE, List.of(DeviceAuthenticator.SCHEME)));
                });
    }
}
