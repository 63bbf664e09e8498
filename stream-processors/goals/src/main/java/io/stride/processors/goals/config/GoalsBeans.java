package io.stride.processors.goals.config;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.kafka.SealedSerde;
import io.stride.platform.kafka.TelemetryKeyFollower;
import io.stride.processors.goals.topology.GoalsSerdes;
import io.stride.processors.goals.topology.GoalsTopology;

/** Produces the topology Quarkus runs, and what it is built from. */
@ApplicationScoped
class GoalsBeans {

    @Produces
    @Singleton
    Topology topology(GoalsConfig config, TelemetryKeyFollower keys) {
        String registry = config.schemaRegistry().url();
        boolean register = config.schemaRegistry().autoRegister();
        return GoalsTopology.build(new GoalsSerdes(
                new SealedSerde<>(RegistrySerdes.forValues(registry, register), keys.keyring(),
                        SealedSerde::userOfEnvelope),
                RegistrySerdes.forValues(registry, register), RegistrySerdes.forValues(registry, register),
                RegistrySerdes.forValues(registry, register), RegistrySerdes.forValues(registry, register)));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every user's telemetry key (ADR 0010): the serdes open the sealed Workout events with it. */
    @Produces
    @Singleton
    TelemetryKeyFollower telemetryKeys(GoalsConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeterRegistry meters) {
        return new TelemetryKeyFollower(Path.of(config.telemetryKekLocation()), bootstrap,
                config.schemaRegistry().url(), meters, "processors").start();
    }

    void close(@Disposes TelemetryKeyFollower keys) {
        keys.close();
    }
}
