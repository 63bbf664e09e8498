package io.stride.schemas.testkit;

import io.stride.schemas.workout.WorkoutUpdated;
import io.stride.schemas.workout.WorkoutUpdatedData;

/**
 * Builds a {@link WorkoutUpdated}. Defaults: 5 minutes after {@link EventBuilders#WORKOUT_START}, 850 m covered,
 * average 140 bpm, 2.8 m/s.
 */
public final class WorkoutUpdatedBuilder extends WorkoutEventBuilder<WorkoutUpdatedBuilder, WorkoutUpdated> {

    private double currentDistanceMeters = 850.0;
    private Integer avgHeartRateBpm = EventBuilders.DEFAULT_HEART_RATE_BPM;
    private Double currentSpeedMetersPerSecond = 2.8;

    WorkoutUpdatedBuilder() {
        super(EventBuilders.WORKOUT_START.plusSeconds(5 * 60));
    }

    /** Distance covered so far in metres. */
    public WorkoutUpdatedBuilder currentDistanceMeters(double currentDistanceMeters) {
        this.currentDistanceMeters = currentDistanceMeters;
        return this;
    }

    /** Average heart rate so far, or {@code null}. */
    public WorkoutUpdatedBuilder avgHeartRateBpm(Integer avgHeartRateBpm) {
        this.avgHeartRateBpm = avgHeartRateBpm;
        return this;
    }

    /** Current speed in m/s, or {@code null}. */
    public WorkoutUpdatedBuilder currentSpeedMetersPerSecond(Double currentSpeedMetersPerSecond) {
        this.currentSpeedMetersPerSecond = currentSpeedMetersPerSecond;
        return this;
    }

    @Override
    public WorkoutUpdated build() {
        return WorkoutUpdated.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutUpdatedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setCurrentDistanceMeters(currentDistanceMeters)
                        .setAvgHeartRateBpm(avgHeartRateBpm)
                        .setCurrentSpeedMetersPerSecond(currentSpeedMetersPerSecond)
                        .build())
                .build();
    }
}
