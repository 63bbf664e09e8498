package io.stride.ingest.telemetrygateway.messaging;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.crypto.tink.Aead;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stride.ingest.telemetrygateway.config.GatewayConfig;
import io.stride.platform.kafka.CompactedTopicReader;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.platform.kafka.UserKeyring;
import io.stride.schemas.Topics;

/**
 * Every user's telemetry key, open in memory, read from {@link Topics#TELEMETRY_KEYS} with the platform's
 * key-encryption key (ADR 0010): the gateway seals each user's samples with it before they reach Kafka. Ready once
 * the keys published before the start have been read.
 */
@ApplicationScoped
public class TelemetryKeyStore {

    private final UserKeyring keyring = new UserKeyring();
    private final Aead kek;
    private final String bootstrapServers;
    private final String registryUrl;
    private volatile CompactedTopicReader reader;

    TelemetryKeyStore(GatewayConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.apicurio.registry.url") String registryUrl,
            MeterRegistry meters) {
        this.kek = TelemetryKeys.readKek(Path.of(config.telemetryKekLocation()));
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        Gauge.builder("gateway.telemetry.keys.known", keyring, UserKeyring::size)
                .description("Users' telemetry keys held in memory")
                .register(meters);
        FunctionCounter.builder("gateway.telemetry.keys.dead.letters", this,
                        store -> store.reader == null ? 0 : store.reader.deadLetters())
                .description("Telemetry key records sent to users.telemetry-keys.dlq")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        reader = TelemetryKeys.follow(keyring, kek, bootstrapServers, registryUrl);
    }

    void stop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.close();
        }
    }

    /** The keys, for sealing. */
    public UserKeyring keyring() {
        return keyring;
    }

    /** The user's key if held now, without waiting. */
    public Optional<Aead> find(String userId) {
        return keyring.find(userId);
    }

    /** The keys published before the start have been read. */
    public boolean caughtUp() {
        return reader != null && reader.caughtUp();
    }

    /** Keys held. */
    public int size() {
        return keyring.size();
    }
}
