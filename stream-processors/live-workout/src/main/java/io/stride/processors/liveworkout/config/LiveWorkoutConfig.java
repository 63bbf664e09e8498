package io.stride.processors.liveworkout.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the live-workout processor. */
@ConfigMapping(prefix = "live-workout")
public interface LiveWorkoutConfig {

    /** The platform's telemetry key-encryption key, a Tink JSON keyset file (ADR 0010). */
    String telemetryKekLocation();

    /** Schema registry access. */
    SchemaRegistry schemaRegistry();

    /** How far (event time) behind a workout's newest sample a sample may arrive and still be placed in order. */
    @WithDefault("30s")
    Duration grace();

    /** GPS filtering, smoothing and auto-pause. */
    Gps gps();

    /** Elevation hysteresis threshold in metres. */
    @WithDefault("5")
    double elevationThresholdMeters();

    /** WorkoutUpdated rate: at most one per this much event time or {@link #updateEveryMeters()}. */
    @WithDefault("5s")
    Duration updateEvery();

    /** WorkoutUpdated rate: at most one per this distance in metres or {@link #updateEvery()}. */
    @WithDefault("100")
    double updateEveryMeters();

    /**
     * Live state rate: a workout's changes within this much wall-clock time are published as one live state (at
     * most one per workout per interval); zero publishes after every change.
     */
    @WithDefault("50ms")
    Duration publishEvery();

    /**
     * Wall-clock time between two passes over the stored sessions: reorder buffers of workouts whose device sent
     * nothing for the grace period are applied, sessions of erased users are deleted.
     */
    @WithDefault("10s")
    Duration sweepEvery();

    /**
     * Wall-clock time without samples after which a completed or cancelled workout's session is retired: only its
     * ids, final status and counts are kept (later samples are still refused, its athlete can still be erased).
     */
    @WithDefault("1h")
    Duration retireClosedAfter();

    /** Event time between two points of a workout's recorded track, which its final figures carry (ADR 0013). */
    @WithDefault("5s")
    Duration trackEvery();

    /** The most track points a workout's final figures carry; a longer track keeps every n-th point. */
    @WithDefault("3600")
    int maxTrackPoints();

    /**
     * Wall-clock time without samples (or, for a workout without any, since it opened) after which an open workout is
     * finished by the platform as abandoned: its final figures say so and the workouts service completes it.
     */
    @WithDefault("4h")
    Duration abandonAfter();

    /**
     * A gap (event time) between a workout's last applied sample and the next longer than this may be a manual pause
     * whose event is still on its way: the sample after it waits up to {@link #lifecycleLag()} for it.
     */
    @WithDefault("10s")
    Duration pauseGap();

    /**
     * Wall-clock time a sample after a {@link #pauseGap()} waits for a pause that may be in flight: lifecycle events
     * travel through the workouts service's outbox, samples straight from the gateway, so a resumed athlete's samples
     * can arrive before the pause.
     */
    @WithDefault("5s")
    Duration lifecycleLag();

    /** Schema registry access. */
    interface SchemaRegistry {

        /** Apicurio Registry API base URL, e.g. {@code http://127.0.0.1:18081/apis/registry/v3}. */
        String url();

        /** Whether serdes register missing schemas (dev and test only; production registers them in the pipeline). */
        @WithDefault("false")
        boolean autoRegister();
    }

    /** GPS filtering, smoothing and auto-pause. */
    interface Gps {

        /** Fixes with a worse reported horizontal accuracy (metres) are rejected. */
        @WithDefault("50")
        double maxAccuracyMeters();

        /** Trailing moving-average window, in fixes. */
        @WithDefault("10")
        int smoothingFixes();

        /** Jitter clamp: minimum movement of the smoothed position (metres) before distance is added. */
        @WithDefault("10")
        double minMovementMeters();

        /** Window over which the GPS speed is measured. */
        @WithDefault("10s")
        Duration speedWindow();

        /** Auto-pause: at or below this speed (m/s) the athlete is stopped. */
        @WithDefault("0.5")
        double stoppedSpeedMetersPerSecond();

        /** A gap between samples longer than this is never moving time. */
        @WithDefault("30s")
        Duration maxGap();
    }
}
