package io.stride.commands.workouts.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.stride.platform.kafka.DeadLetterSender;
import io.stride.platform.kafka.TelemetryKeyFollower;
import io.stride.platform.kafka.UserKeyring;

/** Beans around the framework-free domain and the platform libraries; singletons: final JDK types cannot be proxied. */
@ApplicationScoped
public class WorkoutsBeans {

    @Produces
    @Singleton
    Clock clock() {
        // Microsecond ticks: PostgreSQL's timestamptz precision, so an instant reads back as it was answered.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /** Records the batch consumers cannot read, to {@code <topic>.dlq} with their reason. */
    @Produces
    @Singleton
    DeadLetterSender deadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new DeadLetterSender(bootstrapServers, "workouts-dlq");
    }

    void close(@Disposes DeadLetterSender deadLetters) {
        deadLetters.close();
    }

    /**
     * Every user's telemetry key (ADR 0010): the outbox relay seals each athlete's events with it, the consumer of
     * {@code workouts.workout-events} opens live-workout's. Read from the start on (a key not read yet is waited for
     * briefly, {@link UserKeyring#keyOf}).
     */
    @Produces
    @Singleton
    @Startup
    TelemetryKeyFollower telemetryKeys(WorkoutsConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl,
            MeterRegistry meters) {
        return new TelemetryKeyFollower(Path.of(config.telemetryKekLocation()), bootstrap, registryUrl, meters,
                "workouts").start();
    }

    void close(@Disposes TelemetryKeyFollower keys) {
        keys.close();
    }

    /** The users' telemetry keys: the outbox seals the events with them, the consumer opens live-workout's. */
    @Produces
    @Singleton
    UserKeyring keyring(TelemetryKeyFollower keys) {
        return keys.keyring();
    }
}
