package io.stride.queries.workouthistory.api;

import java.time.Instant;
import java.util.List;

/**
 * WorkoutSummary (architecture document, read models): a workout at a glance, as lists and the cache serve it. Pace
 * is moving time per kilometre, speed distance per moving time (elapsed time when the moving time is unknown).
 */
public record WorkoutSummary(String workoutId, String userId, String sport, String title, String status,
        Instant startTime, Instant endTime, Integer durationSeconds, Double movingTimeSeconds, Double distanceMeters,
        Double caloriesKcal, Double avgSpeedMetersPerSecond, Double avgPaceSecondsPerKm, Integer avgHeartRateBpm,
        Double elevationGainMeters, List<String> tags, boolean abandoned, boolean hasRoute, long version) {
}
