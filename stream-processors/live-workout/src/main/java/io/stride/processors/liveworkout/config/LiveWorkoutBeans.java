package io.stride.processors.liveworkout.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

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
}
