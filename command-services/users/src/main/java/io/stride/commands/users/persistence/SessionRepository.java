package io.stride.commands.users.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Login sessions (refresh token families). */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SessionEntity, UUID> {

    public Uni<Integer> revoke(UUID sessionId, Instant at, String reason) {
        return update("revokedAt = ?1, revokedReason = ?2 where id = ?3 and revokedAt is null", at, reason, sessionId);
    }

    /** Revokes every active session of a user except {@code keep} (may be null: all of them). */
    public Uni<Integer> revokeAllOf(UUID userId, UUID keep, Instant at, String reason) {
        if (keep == null) {
            return update("revokedAt = ?1, revokedReason = ?2 where userId = ?3 and revokedAt is null",
                    at, reason, userId);
        }
        return update("revokedAt = ?1, revokedReason = ?2 where userId = ?3 and id <> ?4 and revokedAt is null",
                at, reason, userId, keep);
    }
}
