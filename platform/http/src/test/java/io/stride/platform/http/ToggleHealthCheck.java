package io.stride.platform.http;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Test-only readiness check that a test can switch to DOWN. */
@Readiness
@ApplicationScoped
public class ToggleHealthCheck implements HealthCheck {

    static final AtomicBoolean UP = new AtomicBoolean(true);

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("toggle").status(UP.get()).build();
    }
}
