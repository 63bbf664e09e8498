package io.stride.commands.users.crypto;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.crypto.tink.Aead;

import io.stride.commands.users.config.UsersConfig;
import io.stride.platform.kafka.TelemetryKeys;
import io.stride.schemas.users.TelemetryKey;

/**
 * Makes each user's telemetry key (ADR 0010), wrapped by the platform's telemetry key-encryption key: the gateway
 * seals the user's telemetry with it, live-workout opens it, and erasing the user shreds it.
 */
@ApplicationScoped
public class TelemetryKeyMaker {

    private final Aead kek;

    TelemetryKeyMaker(UsersConfig config) {
        this.kek = TelemetryKeys.readKek(Path.of(config.telemetryKekLocation()));
    }

    /** A new telemetry key of the user, wrapped (as stored and published). */
    public byte[] newWrappedKey(UUID userId) {
        return TelemetryKeys.newWrappedKey(userId.toString(), kek);
    }

    /** The record that publishes a wrapped key on {@code users.telemetry-keys}. */
    public static TelemetryKey record(UUID userId, byte[] wrappedKey, Instant createdAt) {
        TelemetryKey key = new TelemetryKey();
        key.setUserId(userId);
        key.setWrappedKeyset(ByteBuffer.wrap(wrappedKey));
        key.setCreatedAt(createdAt);
        return key;
    }
}
