package io.stride.ingest.telemetrygateway.validation;

import java.time.Instant;
import java.util.UUID;

/** A telemetry sample that passed every check; sensors the device lacks are null. */
public record ValidSample(
        String deviceId,
        UUID workoutId,
        UUID userId,
        long sequenceNumber,
        Instant recordedAt,
        Double latitude,
        Double longitude,
        Double altitudeMeters,
        Double accuracyMeters,
        Integer heartRateBpm,
        Double speedMetersPerSecond,
        Integer cadenceRpm,
        Integer powerWatts) {
}
