package io.stride.processors.goals.domain;

import java.util.Locale;

/** What a period_total or total_by_date goal counts, in its unit. */
public enum GoalMetric {
    /** Metres; a workout still going counts its distance so far. */
    DISTANCE,
    /** Seconds in motion, of completed workouts. */
    MOVING_TIME,
    /** Metres climbed, of completed workouts. */
    ELEVATION_GAIN,
    /** Kilocalories, of completed workouts. */
    CALORIES,
    /** Completed workouts. */
    WORKOUTS;

    /** What {@code workout} adds: a workout still going adds its distance so far, and nothing else yet. */
    public double of(GoalWorkout workout) {
        if (!workout.completed()) {
            return this == DISTANCE ? workout.distanceMeters() : 0;
        }
        return switch (this) {
            case DISTANCE -> workout.distanceMeters();
            case MOVING_TIME -> workout.movingSeconds();
            case ELEVATION_GAIN -> workout.elevationGainMeters();
            case CALORIES -> workout.kcal();
            case WORKOUTS -> 1;
        };
    }

    /** The metric of a wire name ({@code moving_time}), or {@code null}. */
    public static GoalMetric ofWire(String wire) {
        for (GoalMetric metric : values()) {
            if (metric.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return metric;
            }
        }
        return null;
    }
}
