package io.stride.queries.livetracking.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workout in progress as the live-tracking screens show it: the figures on the screen and nothing else (no user
 * id, no processing counters), because a share link shows the same view to people without an account. Figures the
 * processor has not computed (no heart-rate strap, no power meter, an older processor) are null. {@code sport} is
 * the sport type's name ({@code RUNNING}, {@code CYCLING}, …): screens show pace for runs and speed otherwise.
 */
public record LiveWorkoutView(
        UUID workoutId,
        String sport,
        String status,
        long sampleCount,
        Instant startedAt,
        Instant lastRecordedAt,
        Position lastPosition,
        double distanceMeters,
        Long elapsedTimeMillis,
        Long movingTimeMillis,
        Double speedMetersPerSecond,
        Double avgSpeedMetersPerSecond,
        Double currentPaceSecondsPerKm,
        Double avgPaceSecondsPerKm,
        Integer heartRateBpm,
        Integer avgHeartRateBpm,
        Integer maxHeartRateBpm,
        List<Long> heartRateZoneMillis,
        Double elevationGainMeters,
        Double elevationLossMeters,
        Double caloriesKcal,
        Integer avgCadenceRpm,
        Integer maxCadenceRpm,
        Integer avgPowerWatts,
        Integer maxPowerWatts,
        Instant updatedAt) {

    /** A WGS-84 position in decimal degrees. */
    public record Position(double latitude, double longitude) {
    }
}
