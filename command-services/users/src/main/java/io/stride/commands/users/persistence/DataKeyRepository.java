package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.crypto.DataKey;
import io.stride.commands.users.crypto.DataKeyShredded;
import io.stride.commands.users.crypto.PiiCrypto;

/** The users' wrapped data keys: create one per user, open it, shred it (ADR 0007). */
@ApplicationScoped
public class DataKeyRepository implements PanacheRepositoryBase<DataKeyEntity, UUID> {

    private final PiiCrypto crypto;

    public DataKeyRepository(PiiCrypto crypto) {
        this.crypto = crypto;
    }

    /** A new data key for the user, not stored yet: give its wrapped form to {@link #store}. */
    public DataKey generate(UUID userId) {
        return crypto.newDataKey(userId);
    }

    /**
     * Stores a key from {@link #generate} with the user's wrapped telemetry key (the user's row must be persisted
     * first).
     */
    public Uni<DataKey> store(DataKey key, byte[] telemetryKey, Instant now) {
        DataKeyEntity entity = new DataKeyEntity();
        entity.setUserId(key.userId());
        entity.setWrappedKey(key.wrapped());
        entity.setTelemetryKey(telemetryKey);
        entity.setCreatedAt(now);
        return persist(entity).replaceWith(key);
    }

    /** The user's open data key; fails with {@link DataKeyShredded} once shredded. */
    public Uni<DataKey> keyOf(UUID userId) {
        return findById(userId)
                .map(entity -> {
                    if (entity == null) {
                        throw new DataKeyShredded(userId);
                    }
                    return crypto.open(userId, entity.getWrappedKey());
                });
    }

    /** Deletes the user's data key: every ciphertext under it becomes unreadable. True when there was one. */
    public Uni<Boolean> shred(UUID userId) {
        return delete("userId", userId)
                .map(deleted -> deleted > 0);
    }
}
