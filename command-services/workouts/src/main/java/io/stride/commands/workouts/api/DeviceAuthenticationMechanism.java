package io.stride.commands.workouts.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.stride.platform.devices.AuthenticatedDevice;
import io.stride.platform.devices.DeviceAuthenticator;
import io.stride.platform.http.ApiException;
import io.vertx.ext.web.RoutingContext;

/**
 * Admits wearables next to users' tokens: a request with {@code Authorization: Device <device_id>.<secret>} is checked
 * by the platform's {@link DeviceAuthenticator} (ADR 0006) and becomes a security identity whose principal is the
 * device's user, with the role {@link AuthenticatedDevice#ROLE} and the device id as attribute
 * {@value #DEVICE_ID}. Requests with another scheme are left to the token mechanism.
 */
@ApplicationScoped
public class DeviceAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Attribute of a device's identity: its device id. */
    static final String DEVICE_ID = "stride.device-id";

    private final DeviceAuthenticator authenticator;

    public DeviceAuthenticationMechanism(DeviceAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (!DeviceAuthenticator.isDeviceScheme(authorization)) {
            return Uni.createFrom().nullItem();
        }
        return authenticator.authenticate(authorization)
                .map(device -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(device.userId().toString()))
                        .addRole(AuthenticatedDevice.ROLE)
                        .addAttribute(DEVICE_ID, device.deviceId())
                        .build())
                .onFailure(ApiException.class)
                .transform(refused -> new AuthenticationFailedException(refused.getMessage()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, DeviceAuthenticator.SCHEME));
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION,
                DeviceAuthenticator.SCHEME.toLowerCase(java.util.Locale.ROOT)));
    }
}
