package io.stride.queries.livetracking.api;

import java.time.Instant;
import java.util.UUID;

/** A workout in progress as the live-tracking screens show it. */
public record LiveWorkoutView(
        UUID workoutId,
        UUID userId,
        long sampleCount,
        long lastSequenceNumber,
        Instant startedAt,
        Instant lastRecordedAt,
        Position lastPosition,
        double distanceMeters,
        Integer heartRateBpm,
        Double speedMetersPerSecond,
        Instant updatedAt) {

    /** A WGS-84 position in decimal degrees. */
    public record Position(double latitude, double longitude) {
    }
}
