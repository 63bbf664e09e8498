package io.stride.processors.liveworkout.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Live state of one workout. Changes only through {@link #apply(Sample, Instant)}.
 *
 * <p>Samples must arrive in sequence order; a sample whose sequence number is not above the last applied one is a
 * duplicate (a device resend) and leaves the state unchanged.
 */
public record LiveState(
        UUID workoutId,
        UUID userId,
        long sampleCount,
        long lastSequenceNumber,
        Instant startedAt,
        Instant lastRecordedAt,
        Position lastPosition,
        double distanceMeters,
        Integer lastHeartRateBpm,
        Double lastSpeedMetersPerSecond,
        Instant updatedAt) {

    /** State of a workout from its first sample. */
    public static LiveState start(Sample first, Instant now) {
        return new LiveState(first.workoutId(), first.userId(), 1, first.sequenceNumber(), first.recordedAt(),
                first.recordedAt(), first.position(), 0.0, first.heartRateBpm(), first.speedMetersPerSecond(), now);
    }

    /** Whether the sample was already applied (same or older sequence number). */
    public boolean alreadyApplied(Sample sample) {
        return sample.sequenceNumber() <= lastSequenceNumber;
    }

    /** The state after one more sample; unchanged when the sample was already applied. */
    public LiveState apply(Sample sample, Instant now) {
        if (alreadyApplied(sample)) {
            return this;
        }
        Position position = sample.position() != null ? sample.position() : lastPosition;
        double distance = distanceMeters;
        if (lastPosition != null && sample.position() != null) {
            distance += lastPosition.distanceTo(sample.position());
        }
        return new LiveState(workoutId, userId, sampleCount + 1, sample.sequenceNumber(), startedAt,
                sample.recordedAt(), position, distance,
                sample.heartRateBpm() != null ? sample.heartRateBpm() : lastHeartRateBpm,
                sample.speedMetersPerSecond() != null ? sample.speedMetersPerSecond() : lastSpeedMetersPerSecond,
                now);
    }
}
