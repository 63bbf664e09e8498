package io.stride.commands.users.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Devices by user. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<DeviceEntity, UUID> {

    public Uni<List<DeviceEntity>> listOf(UUID userId) {
        return list("userId", Sort.by("registeredAt").and("id"), userId);
    }

    public Uni<Long> countActive(UUID userId) {
        return count("userId = ?1 and revokedAt is null", userId);
    }

    /** The device if it belongs to the user; null for an unknown id and for another user's device alike. */
    public Uni<DeviceEntity> findOwned(UUID userId, UUID deviceId) {
        return find("id = ?1 and userId = ?2", deviceId, userId).firstResult();
    }
}
