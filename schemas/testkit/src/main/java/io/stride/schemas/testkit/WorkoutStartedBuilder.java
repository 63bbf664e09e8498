package io.stride.schemas.testkit;

import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutStartedData;

/**
 * Builds a {@link WorkoutStarted}. Defaults: a run started at {@link EventBuilders#WORKOUT_START} on Red Square,
 * recorded by an "Apple Watch Series 9".
 */
public final class WorkoutStartedBuilder extends WorkoutEventBuilder<WorkoutStartedBuilder, WorkoutStarted> {

    private SportType sportType = SportType.RUNNING;
    private GeoPoint location = EventBuilders.point(EventBuilders.MOSCOW_LATITUDE, EventBuilders.MOSCOW_LONGITUDE);
    private String deviceModel = "Apple Watch Series 9";

    WorkoutStartedBuilder() {
        super(EventBuilders.WORKOUT_START);
    }

    /** The kind of activity. */
    public WorkoutStartedBuilder sportType(SportType sportType) {
        this.sportType = sportType;
        return this;
    }

    /** Where the workout started. */
    public WorkoutStartedBuilder location(double latitude, double longitude) {
        this.location = EventBuilders.point(latitude, longitude);
        return this;
    }

    /** No known start location. */
    public WorkoutStartedBuilder noLocation() {
        this.location = null;
        return this;
    }

    /** The recording device's model, or {@code null}. */
    public WorkoutStartedBuilder deviceModel(String deviceModel) {
        this.deviceModel = deviceModel;
        return this;
    }

    @Override
    public WorkoutStarted build() {
        return WorkoutStarted.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutStartedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setSportType(sportType)
                        .setStartTime(occurredAt)
                        .setLocation(location == null ? null : GeoPoint.newBuilder(location).build())
                        .setDeviceModel(deviceModel)
                        .build())
                .build();
    }
}
