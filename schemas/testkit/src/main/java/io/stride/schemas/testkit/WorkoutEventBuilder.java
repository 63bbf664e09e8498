package io.stride.schemas.testkit;

import java.time.Instant;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

/**
 * What every Workout aggregate event builder has: the envelope's event id and time, and the workout and athlete of
 * the payload. {@link #at(Instant)} sets both the envelope {@code timestamp} and the payload's own time
 * ({@code startTime}, {@code pausedAt}...). Ids default to random ones; use {@link #forWorkout(UUID, UUID)} to put
 * several events on one workout.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <E> the event record it builds
 */
public abstract sealed class WorkoutEventBuilder<B extends WorkoutEventBuilder<B, E>, E extends SpecificRecord>
        permits WorkoutStartedBuilder, WorkoutUpdatedBuilder, WorkoutPausedBuilder, WorkoutResumedBuilder,
        WorkoutCompletedBuilder, WorkoutCancelledBuilder, WorkoutTagAddedBuilder, WorkoutCompletionRequestedBuilder {

    UUID eventId = UUID.randomUUID();
    UUID workoutId = UUID.randomUUID();
    UUID userId = UUID.randomUUID();
    Instant occurredAt;

    WorkoutEventBuilder(Instant defaultOccurredAt) {
        this.occurredAt = defaultOccurredAt;
    }

    /** The event id consumers deduplicate on. */
    public B eventId(UUID eventId) {
        this.eventId = eventId;
        return self();
    }

    /** The workout aggregate, which is also the record key. */
    public B workoutId(UUID workoutId) {
        this.workoutId = workoutId;
        return self();
    }

    /** The athlete who owns the workout. */
    public B userId(UUID userId) {
        this.userId = userId;
        return self();
    }

    /** Workout and athlete at once. */
    public B forWorkout(UUID workoutId, UUID userId) {
        return workoutId(workoutId).userId(userId);
    }

    /** When it happened: the envelope {@code timestamp} and the payload's time field. */
    public B at(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return self();
    }

    /** The event. */
    public abstract E build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
