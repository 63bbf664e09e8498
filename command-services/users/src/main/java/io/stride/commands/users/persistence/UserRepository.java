package io.stride.commands.users.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Users by id and by the blind index of their normalised email (ADR 0007). */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UUID> {

    public Uni<UserEntity> findByEmailIndex(byte[] emailIndex) {
        return find("emailIndex", emailIndex).firstResult();
    }

    /** Records {@code step} as the last accepted TOTP step unless an equal or later one is already recorded. */
    public Uni<Boolean> advanceTotpStep(UUID userId, long step) {
        return update("totpLastStep = ?1 where id = ?2 and (totpLastStep is null or totpLastStep < ?1)", step, userId)
                .map(updated -> updated == 1);
    }
}
