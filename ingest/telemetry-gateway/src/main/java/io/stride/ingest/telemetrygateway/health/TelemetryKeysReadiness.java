package io.stride.ingest.telemetrygateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.stride.ingest.telemetrygateway.messaging.TelemetryKeyStore;

/** Not ready until every telemetry key published before the start has been read: until then samples cannot be sealed. */
@Readiness
@ApplicationScoped
class TelemetryKeysReadiness implements HealthCheck {

    private final TelemetryKeyStore keys;

    TelemetryKeysReadiness(TelemetryKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("telemetry-keys")
                .status(keys.caughtUp())
                .withData("users", keys.size())
                .build();
    }
}
