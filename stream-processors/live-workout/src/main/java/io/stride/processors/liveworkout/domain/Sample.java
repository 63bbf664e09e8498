package io.stride.processors.liveworkout.domain;

import java.time.Instant;
import java.util.UUID;

/** One telemetry reading as the live state needs it; sensors the device lacks are null. */
public record Sample(
        UUID workoutId,
        UUID userId,
        String deviceId,
        long sequenceNumber,
        Instant recordedAt,
        Position position,
        Double accuracyMeters,
        Double altitudeMeters,
        Integer heartRateBpm,
        Double speedMetersPerSecond,
        Integer cadenceRpm,
        Integer powerWatts) {

    /** A reading with only a position and a heart rate (tests and simple devices). */
    public static Sample of(UUID workoutId, UUID userId, long sequenceNumber, Instant recordedAt, Position position,
            Integer heartRateBpm) {
        return new Sample(workoutId, userId, "device", sequenceNumber, recordedAt, position, null, null, heartRateBpm,
                null, null, null);
    }
}
