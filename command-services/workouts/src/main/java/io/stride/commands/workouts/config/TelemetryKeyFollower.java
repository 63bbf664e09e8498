package io.stride.commands.workouts.config;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.crypto.tink.Aead;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;

/**
 * Every user's telemetry key, open in memory, read from {@link Topics#TELEMETRY_KEYS} with the platform's
 * key-encryption key (ADR 0010): the outbox relay seals each athlete's events with it, the consumer of
 * {@code workouts.workout-events} opens live-workout's with it. A key not read yet is waited for briefly
 * ({@link UserKeyring#keyOf}).
 */
@ApplicationScoped
public class TelemetryKeyFollower {

    private final UserKeyring keyring = new UserKeyring();
    private final Aead kek;
    private final String bootstrapServers;
    private final String registryUrl;
    private volatile CompactedTopicReader reader;

    TelemetryKeyFollower(WorkoutsConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl,
            MeterRegistry meters) {
        this.kek = TelemetryKeys.readKek(Path.of(config.telemetryKekLocation()));
        this.bootstrapServers = bootstrap;
        this.registryUrl = registryUrl;
        Gauge.builder("workouts.telemetry-keys.known", keyring, UserKeyring::size)
                .description("Users' telemetry keys held in memory")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        reader = TelemetryKeys.follow(keyring, kek, bootstrapServers, registryUrl);
    }

    void stop(@Observes ShutdownEvent event) {
        CompactedTopicReader current = reader;
        if (current != null) {
            current.close();
        }
    }

    UserKeyring keyring() {
        return keyring;
    }

    /** The keys published before the start have been read. */
    public boolean caughtUp() {
        CompactedTopicReader current = reader;
        return current != null && current.caughtUp();
    }
}
