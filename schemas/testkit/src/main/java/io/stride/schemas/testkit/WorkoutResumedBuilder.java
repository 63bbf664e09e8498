package io.stride.schemas.testkit;

import io.stride.schemas.workout.WorkoutResumed;
import io.stride.schemas.workout.WorkoutResumedData;

/** Builds a {@link WorkoutResumed}. Default: resumed 12 minutes after {@link EventBuilders#WORKOUT_START}. */
public final class WorkoutResumedBuilder extends WorkoutEventBuilder<WorkoutResumedBuilder, WorkoutResumed> {

    WorkoutResumedBuilder() {
        super(EventBuilders.WORKOUT_START.plusSeconds(12 * 60));
    }

    @Override
    public WorkoutResumed build() {
        return WorkoutResumed.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutResumedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setResumedAt(occurredAt)
                        .build())
                .build();
    }
}
