package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code users.data_keys}: a user's data key, wrapped by the master key, and the user's telemetry key,
 * wrapped by the telemetry key-encryption key (ADR 0010). Deleting it shreds the user.
 */
@Entity
@Table(schema = "users", name = "data_keys")
public class DataKeyEntity {

    @Id
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "wrapped_key")
    private byte[] wrappedKey;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "telemetry_key")
    private byte[] telemetryKey;

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public byte[] getWrappedKey() {
        return wrappedKey;
    }

    public void setWrappedKey(byte[] wrappedKey) {
        this.wrappedKey = wrappedKey;
    }

    public byte[] getTelemetryKey() {
        return telemetryKey;
    }

    public void setTelemetryKey(byte[] telemetryKey) {
        this.telemetryKey = telemetryKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
