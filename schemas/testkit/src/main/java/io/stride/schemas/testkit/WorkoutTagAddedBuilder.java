package io.stride.schemas.testkit;

import io.stride.schemas.workout.WorkoutTagAdded;
import io.stride.schemas.workout.WorkoutTagAddedData;

/**
 * Builds a {@link WorkoutTagAdded}. Defaults: the tag "morning", added 46 minutes after
 * {@link EventBuilders#WORKOUT_START}.
 */
public final class WorkoutTagAddedBuilder extends WorkoutEventBuilder<WorkoutTagAddedBuilder, WorkoutTagAdded> {

    private String tag = "morning";

    WorkoutTagAddedBuilder() {
        super(EventBuilders.WORKOUT_START.plusSeconds(46 * 60));
    }

    /** The tag, lower-case. */
    public WorkoutTagAddedBuilder tag(String tag) {
        this.tag = tag;
        return this;
    }

    @Override
    public WorkoutTagAdded build() {
        return WorkoutTagAdded.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutTagAddedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setTag(tag)
                        .build())
                .build();
    }
}
