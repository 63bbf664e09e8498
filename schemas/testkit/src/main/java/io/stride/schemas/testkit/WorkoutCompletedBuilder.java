package io.stride.schemas.testkit;

import java.util.List;

import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletedData;

/**
 * Builds a {@link WorkoutCompleted}. Defaults: ended 45 minutes after {@link EventBuilders#WORKOUT_START}, 2,700 s,
 * 7,500 m, 520 kcal, a three-point route starting on Red Square.
 */
public final class WorkoutCompletedBuilder extends WorkoutEventBuilder<WorkoutCompletedBuilder, WorkoutCompleted> {

    private int durationSeconds = 45 * 60;
    private double distanceMeters = 7_500.0;
    private double caloriesBurned = 520.0;
    private List<GeoPoint> route = List.of(
            EventBuilders.point(EventBuilders.MOSCOW_LATITUDE, EventBuilders.MOSCOW_LONGITUDE),
            EventBuilders.point(55.7520, 37.6175),
            EventBuilders.point(55.7496, 37.6136));

    WorkoutCompletedBuilder() {
        super(EventBuilders.WORKOUT_START.plusSeconds(45 * 60));
    }

    /** Duration in seconds. */
    public WorkoutCompletedBuilder durationSeconds(int durationSeconds) {
        this.durationSeconds = durationSeconds;
        return this;
    }

    /** Total distance in metres. */
    public WorkoutCompletedBuilder distanceMeters(double distanceMeters) {
        this.distanceMeters = distanceMeters;
        return this;
    }

    /** Energy spent in kilocalories. */
    public WorkoutCompletedBuilder caloriesBurned(double caloriesBurned) {
        this.caloriesBurned = caloriesBurned;
        return this;
    }

    /** The route, in order ({@link EventBuilders#point(double, double)} makes points); empty for none. */
    public WorkoutCompletedBuilder route(List<GeoPoint> route) {
        this.route = List.copyOf(route);
        return this;
    }

    @Override
    public WorkoutCompleted build() {
        return WorkoutCompleted.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(WorkoutCompletedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setEndTime(occurredAt)
                        .setDurationSeconds(durationSeconds)
                        .setDistanceMeters(distanceMeters)
                        .setCaloriesBurned(caloriesBurned)
                        .setRouteCoordinates(route.stream()
                                .map(point -> GeoPoint.newBuilder(point).build())
                                .toList())
                        .build())
                .build();
    }
}
