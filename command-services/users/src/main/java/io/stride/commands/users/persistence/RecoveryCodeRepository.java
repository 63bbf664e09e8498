package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** TOTP recovery codes by hash. */
@ApplicationScoped
public class RecoveryCodeRepository implements PanacheRepositoryBase<RecoveryCodeEntity, String> {

    /** Uses the code once: true when it belonged to the user and was unused. */
    public Uni<Boolean> use(UUID userId, String codeHash, Instant at) {
        return update("usedAt = ?1 where codeHash = ?2 and userId = ?3 and usedAt is null", at, codeHash, userId)
                .map(updated -> updated == 1);
    }

    public Uni<Long> deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
