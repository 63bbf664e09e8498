package io.stride.processors.liveworkout.topology;

import java.util.UUID;

import io.stride.processors.liveworkout.domain.LiveState;
import io.stride.processors.liveworkout.domain.Position;
import io.stride.processors.liveworkout.domain.Sample;
import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;

/** Maps the Avro contracts to the domain and back; generated classes stay at the topology's edges. */
final class AvroMapping {

    private AvroMapping() {
    }

    static Sample toDomain(TelemetrySample sample) {
        Position position = sample.getLatitude() != null && sample.getLongitude() != null
                ? new Position(sample.getLatitude(), sample.getLongitude())
                : null;
        return new Sample(sample.getWorkoutId(), sample.getUserId(), sample.getSequenceNumber(),
                sample.getRecordedAt(), position, sample.getHeartRateBpm(), sample.getSpeedMetersPerSecond());
    }

    static LiveState toDomain(LiveWorkoutState state) {
        GeoPoint point = state.getLastPosition();
        return new LiveState(state.getWorkoutId(), state.getUserId(), state.getSampleCount(),
                state.getLastSequenceNumber(), state.getStartedAt(), state.getLastRecordedAt(),
                point == null ? null : new Position(point.getLatitude(), point.getLongitude()),
                state.getDistanceMeters(), state.getLastHeartRateBpm(), state.getLastSpeedMetersPerSecond(),
                state.getUpdatedAt());
    }

    static LiveWorkoutState toAvro(LiveState state) {
        Position position = state.lastPosition();
        return LiveWorkoutState.newBuilder()
                .setWorkoutId(state.workoutId())
                .setUserId(state.userId())
                .setSampleCount(state.sampleCount())
                .setLastSequenceNumber(state.lastSequenceNumber())
                .setStartedAt(state.startedAt())
                .setLastRecordedAt(state.lastRecordedAt())
                .setLastPosition(position == null ? null : new GeoPoint(position.latitude(), position.longitude()))
                .setDistanceMeters(state.distanceMeters())
                .setLastHeartRateBpm(state.lastHeartRateBpm())
                .setLastSpeedMetersPerSecond(state.lastSpeedMetersPerSecond())
                .setUpdatedAt(state.updatedAt())
                .build();
    }

    static UUID workoutId(TelemetrySample sample) {
        return sample.getWorkoutId();
    }
}
