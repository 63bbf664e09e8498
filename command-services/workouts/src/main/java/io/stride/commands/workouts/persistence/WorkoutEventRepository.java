package io.stride.commands.workouts.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The event store: a workout's rows in version order; rows are only ever added (and deleted by an erasure). */
@ApplicationScoped
public class WorkoutEventRepository implements PanacheRepositoryBase<WorkoutEventEntity, WorkoutEventEntity.Key> {

    /** Constraint names of the store: a violation of either means another command appended that version first. */
    public static final List<String> VERSION_CONSTRAINTS = List.of("workout_events_pkey",
            "workout_events_event_id_key");

    /** The workout's events, oldest first (empty for a workout never started). */
    public Uni<List<WorkoutEventEntity>> streamOf(UUID workoutId) {
        return list("workoutId", Sort.by("version"), workoutId);
    }

    /** Which of the workouts have been started (have a first event). */
    public Uni<Set<UUID>> startedAmong(Collection<UUID> workoutIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select e.workoutId from WorkoutEventEntity e where e.workoutId in :ids and e.version = 1",
                        UUID.class)
                .setParameter("ids", workoutIds)
                .getResultList())
                .map(Set::copyOf);
    }

    /** Deletes every event of the athlete's workouts (right to erasure); answers how many. */
    public Uni<Long> deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
