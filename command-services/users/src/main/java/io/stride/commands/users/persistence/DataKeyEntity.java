package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code users.data_keys}: a user's data key, wrapped by the master key. Deleting it shreds the user. */
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
