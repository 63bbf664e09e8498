package io.stride.processors.liveworkout.domain;

import java.time.Instant;
import java.util.UUID;

/** One telemetry reading as the live state needs it; sensors the device lacks are null. */
public record Sample(
        UUID workoutId,
        UUID userId,
        long sequenceNumber,
        Instant recordedAt,
        Position position,
        Integer heartRateBpm,
        Double speedMetersPerSecond) {
}
