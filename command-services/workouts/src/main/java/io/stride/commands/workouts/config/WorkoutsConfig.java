package io.stride.commands.workouts.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the workouts service ({@code workouts.*}). */
@ConfigMapping(prefix = "workouts")
public interface WorkoutsConfig {

    /**
     * The platform's telemetry key-encryption key (a Tink JSON keyset file), which opens each user's telemetry key
     * (ADR 0010): the events are published sealed with it, and live-workout's final figures are opened with it.
     */
    String telemetryKekLocation();

    /** Idempotency keys of the mutating commands. */
    Idempotency idempotency();

    /** How far in the future a time given by a client (start, pause, end) may be: clocks differ. */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** How often a command that lost a race to another one is retried when it comes from Kafka (not from a client). */
    @WithDefault("5")
    int conflictRetries();

    /** Idempotency key settings. */
    interface Idempotency {

        /** How long the outcome of a request is kept for its retries. */
        @WithDefault("P1D")
        Duration retention();

        /**
         * After how long a request still marked in flight is taken to have died with its instance, so that a retry with
         * its key runs (before that, the retry gets 409).
         */
        @WithDefault("PT30S")
        Duration inFlightTimeout();
    }
}
