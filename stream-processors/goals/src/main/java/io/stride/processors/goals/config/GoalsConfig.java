package io.stride.processors.goals.config;

import io.smallrye.config.ConfigMapping;

/** The goals processor's settings (prefix {@code goals}). */
@ConfigMapping(prefix = "goals")
public interface GoalsConfig {

    /** The telemetry key-encryption key (ADR 0010): opens the athletes' keys, which open the Workout events. */
    String telemetryKekLocation();

    /**
     * {@code host:port} at which the other instances reach this one's HTTP server (Kafka Streams
     * {@code application.server}): an athlete's progress is read where their task runs.
     */
    String advertisedServer();

    /** Apicurio Registry. */
    SchemaRegistry schemaRegistry();

    interface SchemaRegistry {

        /** Its URL. */
        String url();

        /** Whether missing schemas are registered (dev and tests). */
        boolean autoRegister();
    }
}
