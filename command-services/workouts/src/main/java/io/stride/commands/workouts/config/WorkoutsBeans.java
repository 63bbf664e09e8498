package io.stride.commands.workouts.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.stride.platform.kafka.DeadLetterSender;
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

    /** The users' telemetry keys: the outbox seals the events with them, the consumer opens live-workout's. */
    @Produces
    @Singleton
    UserKeyring keyring(TelemetryKeyFollower follower) {
        return follower.keyring();
    }
}
