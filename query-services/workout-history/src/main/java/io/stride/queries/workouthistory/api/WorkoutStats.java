package io.stride.queries.workouthistory.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * WorkoutStats (architecture document, read models): an athlete's totals and records per sport (all time), and the
 * weekly activity of the last {@code weeks} weeks (Monday to Sunday, UTC; the current week last, empty weeks
 * included). Average speed is total distance over total moving time.
 */
public record WorkoutStats(String userId, String sport, Totals totals, List<SportStats> sports, int weeks,
        List<Week> weekly) {

    /** Totals over every sport asked for. */
    public record Totals(long workouts, long durationSeconds, double movingTimeSeconds, double distanceMeters,
            double caloriesKcal, double elevationGainMeters, Double avgSpeedMetersPerSecond) {
    }

    /** One sport's totals and records. */
    public record SportStats(String sport, Totals totals, Records records) {
    }

    /** A sport's records, each with the workout that set it. */
    public record Records(Best longestDistanceMeters, Best longestDurationSeconds,
            Best fastestAvgSpeedMetersPerSecond, Map<String, Best> bestEffortSeconds) {
    }

    /** A record's value and its workout. */
    public record Best(double value, String workoutId) {
    }

    /** One week's activity: totals and per sport. */
    public record Week(LocalDate weekStart, long workouts, long durationSeconds, double movingTimeSeconds,
            double distanceMeters, Map<String, Double> distanceMetersBySport) {
    }
}
