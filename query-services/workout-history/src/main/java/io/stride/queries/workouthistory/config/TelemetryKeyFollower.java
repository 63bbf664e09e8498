package io.stride.queries.workouthistory.config;

import java.nio.file.Path;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;

/**
 * Every athlete's telemetry key, open in memory, read from {@link Topics#TELEMETRY_KEYS} with the platform's
 * key-encryption key (ADR 0010): the projection opens the sealed workout events with it, and the read models in
 * MongoDB are sealed with it (ADR 0015). A record sealed for an athlete whose key was shredded (erased) is skipped
 * and counted. Read from the start, so that the read models can be opened as soon as requests arrive.
 */
@Startup
@ApplicationScoped
class TelemetryKeyFollower {

    private final UserKeyring keyring = new UserKeyring();
    private final CompactedTopicReader reader;

    TelemetryKeyFollower(WorkoutHistoryConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, MeterRegistry meters) {
        reader = TelemetryKeys.follow(keyring, TelemetryKeys.readKek(Path.of(config.telemetryKekLocation())),
                bootstrap, config.schemaRegistry().url());
        Gauge.builder("queries.telemetry-keys.known", keyring, UserKeyring::size)
                .description("Athletes' telemetry keys held in memory")
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
