package io.stride.queries.workouthistory.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.stride.queries.workouthistory.mapping.Split;

/**
 * WorkoutDetails (architecture document, read models): everything about one workout: the summary, the figures
 * live-workout computed, per-kilometre splits, best efforts, tags and the series over the workout (coordinates, heart
 * rate, altitude, pace, speed), as parallel arrays (one entry per track point, null where not measured) ready for
 * charts over distance or time.
 *
 * @param series          null when the workout has no track, or its coordinates expired ({@code track_status})
 * @param trackStatus     {@code available}, {@code none} or {@code expired}
 */
public record WorkoutDetails(WorkoutSummary summary, String notes, String deviceModel, String source,
        Double elevationLossMeters, Integer maxHeartRateBpm, Double maxSpeedMetersPerSecond, Integer avgCadenceRpm,
        Integer avgPowerWatts, List<Long> heartRateZoneMillis, List<Split> splits,
        Map<String, Long> bestEffortMillis, String trackStatus, Instant trackExpiresAt, Series series) {

    /** The track as parallel arrays. */
    public record Series(List<Double> offsetSeconds, List<Double> distanceMeters, List<Double> latitude,
            List<Double> longitude, List<Double> altitudeMeters, List<Integer> heartRateBpm,
            List<Double> speedMetersPerSecond, List<Double> paceSecondsPerKm, List<Boolean> moving) {
    }
}
