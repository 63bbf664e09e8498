package io.stride.commands.goals.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The goals by athlete. */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<GoalEntity, UUID> {

    /** The athlete's goals, oldest first; deleted ones left out. */
    public Uni<List<GoalEntity>> listOf(UUID userId) {
        return list("userId = ?1 and deletedAt is null", Sort.by("createdAt").and("id"), userId);
    }

    public Uni<Long> countOf(UUID userId) {
        return count("userId = ?1 and deletedAt is null", userId);
    }

    /** The goal, locked for the rest of the transaction (edits of one goal take turns); deleted ones too. */
    public Uni<GoalEntity> findForUpdate(UUID goalId) {
        return findById(goalId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every goal of the athlete, deleted ones too. */
    public Uni<List<GoalEntity>> allOf(UUID userId) {
        return list("userId", userId);
    }
}
