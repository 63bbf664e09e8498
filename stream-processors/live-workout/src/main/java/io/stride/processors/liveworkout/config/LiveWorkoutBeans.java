package io.stride.processors.liveworkout.config;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.kafka.TelemetryKeyFollower;
import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.processors.liveworkout.topology.LiveWorkoutSerdes;

/** Produces the beans the topology is built from. */
@ApplicationScoped
class LiveWorkoutBeans {

    @Produces
    @Singleton
    LiveWorkoutSerdes serdes(LiveWorkoutConfig config, TelemetryKeyFollower keys) {
        return LiveWorkoutSerdes.withRegistry(config.schemaRegistry().url(), config.schemaRegistry().autoRegister())
                .sealedWith(keys.keyring());
    }

    @Produces
    @Singleton
    LiveSettings settings(LiveWorkoutConfig config) {
        LiveWorkoutConfig.Gps gps = config.gps();
        return new LiveSettings(config.grace(), gps.maxAccuracyMeters(), gps.smoothingFixes(),
                gps.minMovementMeters(), gps.speedWindow(), gps.stoppedSpeedMetersPerSecond(),
                config.elevationThresholdMeters(), gps.maxGap(), config.updateEvery(), config.updateEveryMeters(),
                config.publishEvery(), config.sweepEvery(), config.retireClosedAfter(), config.trackEvery(),
                config.maxTrackPoints(), config.abandonAfter(), config.pauseGap(), config.lifecycleLag());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Every user's telemetry key (ADR 0010): the topology's serdes open the sealed telemetry and
     * workout events with it, and seal what it publishes.
     */
    @Produces
    @Singleton
    TelemetryKeyFollower telemetryKeys(LiveWorkoutConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeterRegistry meters) {
        return new TelemetryKeyFollower(Path.of(config.telemetryKekLocation()), bootstrap,
                config.schemaRegistry().url(), meters, "processors").start();
    }

    void close(@Disposes TelemetryKeyFollower keys) {
        keys.close();
    }
}
