package io.stride.ingest.telemetrygateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.stride.ingest.telemetrygateway.messaging.DeviceCredentialStore;

/**
 * Not ready until every device credential published before the start has been read: until then a registered device
 * would be refused.
 */
@Readiness
@ApplicationScoped
class DeviceCredentialsReadiness implements HealthCheck {

    private final DeviceCredentialStore store;

    DeviceCredentialsReadiness(DeviceCredentialStore store) {
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
