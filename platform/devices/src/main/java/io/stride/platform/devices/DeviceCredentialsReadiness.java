package io.stride.platform.devices;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;


/**
 * Not ready until every device credential published before the start has been read: until then a registered device
 * would be refused.
 */
@Readiness
@ApplicationScoped
public class DeviceCredentialsReadiness implements HealthCheck {

    private final DeviceCredentialStore store;

    public DeviceCredentialsReadiness(DeviceCredentialStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("device-credentials")
                .status(store.caughtUp())
                .withData("devices", store.size())
                .withData("lag", store.lag())
                .build();
    }
}
