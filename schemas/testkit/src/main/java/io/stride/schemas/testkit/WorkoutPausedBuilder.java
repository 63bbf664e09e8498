package io.stride.schemas.testkit;

import io.stride.schemas.workout.WorkoutPaused;
import io.stride.schemas.workout.WorkoutPausedData;

/** Builds a {@link WorkoutPaused}. Default: paused 10 minutes after {@link EventBuilders#WORKOUT_START}. */
public final class WorkoutPausedBuilder extends WorkoutEventBuilder<WorkoutPausedBuilder, WorkoutPaused> {

    WorkoutPausedBuilder() {
        super(EventBuilders.WORKOUT_START.plusSeconds(10 * 60));
    }

    @Override
    public WorkoutPaused build() {
        return WorkoutPaused.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutPausedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setPausedAt(occurredAt)
                        .build())
                .build();
    }
}
