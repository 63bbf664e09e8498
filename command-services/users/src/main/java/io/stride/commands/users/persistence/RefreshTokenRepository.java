package io.stride.commands.users.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Refresh tokens by hash. */
@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshTokenEntity, String> {

    /**
     * Marks the token used if nobody did before: true for exactly one of two concurrent refreshes with the same
     * token (the row update is atomic).
     */
    public Uni<Boolean> markUsed(String tokenHash, Instant at) {
        return update("usedAt = ?1 where tokenHash = ?2 and usedAt is null", at, tokenHash)
                .map(updated -> updated == 1);
    }
}
