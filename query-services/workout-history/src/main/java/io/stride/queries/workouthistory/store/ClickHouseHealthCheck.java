package io.stride.queries.workouthistory.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: ClickHouse answers (it has no built-in Quarkus check). MongoDB and Redis have their own. */
@Readiness
@ApplicationScoped
public class ClickHouseHealthCheck implements HealthCheck {

    private final ReadModels models;

    ClickHouseHealthCheck(ReadModels models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("clickhouse")
                .status(models.stats().ping())
                .withData("generation", models.generation())
                .build();
    }
}
