package io.stride.schemas.testkit;

import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCancelledData;

/**
 * Builds a {@link WorkoutCancelled}. Defaults: cancelled 5 minutes after {@link EventBuilders#WORKOUT_START}, no
 * reason given.
 */
public final class WorkoutCancelledBuilder extends WorkoutEventBuilder<WorkoutCancelledBuilder, WorkoutCancelled> {

    private String reason;

    WorkoutCancelledBuilder() {
        super(EventBuilders.WORKOUT_START.plusSeconds(5 * 60));
    }

    /** Why the athlete cancelled, or {@code null}. */
    public WorkoutCancelledBuilder reason(String reason) {
        this.reason = reason;
        return this;
    }

    @Override
    public WorkoutCancelled build() {
        return WorkoutCancelled.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutCancelledData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setCancelledAt(occurredAt)
                        .setReason(reason)
                        .build())
                .build();
    }
}
