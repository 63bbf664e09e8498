package io.stride.schemas.testkit;

import io.stride.schemas.workout.WorkoutCompletionRequested;
import io.stride.schemas.workout.WorkoutCompletionRequestedData;
import io.stride.schemas.workout.WorkoutSource;

/**
 * Builds a {@link WorkoutCompletionRequested}. Default: asked by the app for 45 minutes after
 * {@link EventBuilders#WORKOUT_START}.
 */
public final class WorkoutCompletionRequestedBuilder
        extends WorkoutEventBuilder<WorkoutCompletionRequestedBuilder, WorkoutCompletionRequested> {

    private WorkoutSource requestedBy = WorkoutSource.APP;

    WorkoutCompletionRequestedBuilder() {
        super(EventBuilders.WORKOUT_START.plusSeconds(45 * 60));
    }

    public WorkoutCompletionRequestedBuilder requestedBy(WorkoutSource source) {
        this.requestedBy = source;
        return this;
    }

    @Override
    public WorkoutCompletionRequested build() {
        return WorkoutCompletionRequested.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutCompletionRequestedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setEndTime(occurredAt)
                        .setRequestedBy(requestedBy)
                        .build())
                .build();
    }
}
