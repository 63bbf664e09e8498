package io.stride.platform.kafka;

import java.nio.file.Path;

import com.google.crypto.tink.Aead;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.schemas.Topics;

/**
 * Every user's telemetry key, open in memory, read from {@link Topics#TELEMETRY_KEYS} with the platform's
 * key-encryption key (ADR 0010), from {@link #start()} until {@link #close()}. An app produces one (a CDI producer
 * in its beans) and starts it when its consumers first need keys; a record sealed for a key not read yet waits for
 * the keys published before the start ({@link UserKeyring#keyOf}). The number of keys held is the gauge
 * {@code <prefix>.telemetry-keys.known}.
 */
public final class TelemetryKeyFollower implements AutoCloseable {

    private final UserKeyring keyring = new UserKeyring();
    private final Aead kek;
    private final String bootstrapServers;
    private final String registryUrl;
    private CompactedTopicReader reader;

    /** A follower of the keys, not reading yet; {@code metricPrefix} names its gauge (e.g. {@code processors}). */
    public TelemetryKeyFollower(Path kekLocation, String bootstrapServers, String registryUrl, MeterRegistry meters,
            String metricPrefix) {
        this.kek = TelemetryKeys.readKek(kekLocation);
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        Gauge.builder(metricPrefix + ".telemetry-keys.known", keyring, UserKeyring::size)
                .description("Users' telemetry keys held in memory")
                .register(meters);
    }

    /** Starts reading (once; a second call changes nothing). */
    public synchronized TelemetryKeyFollower start() {
        if (reader == null) {
            reader = TelemetryKeys.follow(keyring, kek, bootstrapServers, registryUrl);
        }
        return this;
    }

    /** The keys read so far. */
    public UserKeyring keyring() {
        return keyring;
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            reader.close();
        }
    }
}
