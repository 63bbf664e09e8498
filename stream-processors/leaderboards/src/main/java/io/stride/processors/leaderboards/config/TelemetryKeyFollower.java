package io.stride.processors.leaderboards.config;

import java.nio.file.Path;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;

/**
 * Every user's telemetry key, open in memory, read from {@link Topics#TELEMETRY_KEYS} with the platform's
 * key-encryption key (ADR 0010): the topology's serdes open the sealed Workout events with it, and seal the
 * dead letters it writes. Reading starts when the topology is built; a record waits for the keys published before the
 * start ({@link UserKeyring#keyOf}).
 */
@ApplicationScoped
class TelemetryKeyFollower {

    private final UserKeyring keyring = new UserKeyring();
    private final CompactedTopicReader reader;

    TelemetryKeyFollower(LeaderboardsConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            MeterRegistry meters) {
        reader = TelemetryKeys.follow(keyring, TelemetryKeys.readKek(Path.of(config.telemetryKekLocation())),
                bootstrap, config.schemaRegistry().url());
        Gauge.builder("processors.telemetry-keys.known", keyring, UserKeyring::size)
                .description("Users' telemetry keys held in memory")
                .register(meters);
    }

    UserKeyring keyring() {
        return keyring;
    }

    @PreDestroy
    void stop() {
        reader.close();
    }
}
