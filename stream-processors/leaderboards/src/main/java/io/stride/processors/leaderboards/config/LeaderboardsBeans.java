package io.stride.processors.leaderboards.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.kafka.TelemetryKeyFollower;
import io.stride.processors.leaderboards.topology.ActiveShards;
import io.stride.processors.leaderboards.topology.LeaderboardsSerdes;

/** Produces the beans the topology is built from. */
@ApplicationScoped
class LeaderboardsBeans {

    @Produces
    @Singleton
    LeaderboardsSerdes serdes(LeaderboardsConfig config, TelemetryKeyFollower keys) {
        return LeaderboardsSerdes.withRegistry(config.schemaRegistry().url(), config.schemaRegistry().autoRegister())
                .sealedWith(keys.keyring());
    }

    /** The stores of the athlete-stage tasks running here, which the queries read. */
    @Produces
    @Singleton
    ActiveShards activeShards() {
        return new ActiveShards();
    }

    /**
     * Every user's telemetry key (ADR 0010): the topology's serdes open the sealed Workout events
     * with it, and seal the dead letters it writes.
     */
    @Produces
    @Singleton
    TelemetryKeyFollower telemetryKeys(LeaderboardsConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeterRegistry meters) {
        return new TelemetryKeyFollower(Path.of(config.telemetryKekLocation()), bootstrap,
                config.schemaRegistry().url(), meters, "processors").start();
    }

    void close(@Disposes TelemetryKeyFollower keys) {
        keys.close();
    }
}
