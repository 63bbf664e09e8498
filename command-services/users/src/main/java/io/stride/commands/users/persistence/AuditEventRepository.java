package io.stride.commands.users.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The security audit log. */
@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEventEntity, UUID> {

    /** Detaches an erased user's events from the user: the events stay, without user id or IP. */
    public Uni<Integer> anonymise(UUID userId) {
        return update("userId = null, ip = null where userId = ?1", userId);
    }
}
