package io.stride.processors.goals.config;

import io.smallrye.config.ConfigMapping;

/** The goals processor's settings (prefix {@code goals}). */
@ConfigMapping(prefix = "goals")
public interface GoalsConfig {

    /** The telemetry key-encryption key (ADR 0010): opens the athletes' keys, which open the Workout events. */
    String telemetryKekLocation();

    /** Apicurio Registry. */
    SchemaRegistry schemaRegistry();

    interface SchemaRegistry {

        /** Its URL. */
        String url();

        /** Whether missing schemas are registered (dev and tests). */
        boolean autoRegister();
    }
}
