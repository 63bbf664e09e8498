package io.stride.processors.liveworkout.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the live state publishes: a snapshot of a workout's figures. Speeds in m/s, paces in s/km. */
public record LiveFigures(
        UUID workoutId,
        UUID userId,
        Sport sport,
        LiveSession.Status status,
        long sampleCount,
        long lastSequenceNumber,
        Instant startedAt,
        Instant lastRecordedAt,
        Position lastPosition,
        double distanceMeters,
        Integer lastHeartRateBpm,
        Double lastSpeedMetersPerSecond,
        long elapsedMillis,
        long movingMillis,
        Double currentSpeedMetersPerSecond,
        Double avgSpeedMetersPerSecond,
        Double currentPaceSecondsPerKm,
        Double avgPaceSecondsPerKm,
        Integer avgHeartRateBpm,
        Integer maxHeartRateBpm,
        int zoneMaxHeartRateBpm,
        List<Long> heartRateZoneMillis,
        double elevationGainMeters,
        double elevationLossMeters,
        double caloriesKcal,
        Integer avgCadenceRpm,
        Integer maxCadenceRpm,
        Integer avgPowerWatts,
        Integer maxPowerWatts,
        Double workKilojoules,
        long rejectedFixes,
        long lateSamples) {

    /** Pace in seconds per kilometre of a speed; null when not moving. */
    static Double paceSecondsPerKm(Double speedMetersPerSecond) {
        return speedMetersPerSecond == null || speedMetersPerSecond <= 0 ? null : 1000.0 / speedMetersPerSecond;
    }
}
