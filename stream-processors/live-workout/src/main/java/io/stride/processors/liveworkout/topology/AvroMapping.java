package io.stride.processors.liveworkout.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.stride.processors.liveworkout.domain.Athlete;
import io.stride.processors.liveworkout.domain.LiveFigures;
import io.stride.processors.liveworkout.domain.Position;
import io.stride.processors.liveworkout.domain.Sample;
import io.stride.processors.liveworkout.domain.Sport;
import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.common.SportType;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.users.UserMetricsUpdatedData;
import io.stride.schemas.workout.WorkoutUpdated;
import io.stride.schemas.workout.WorkoutUpdatedData;

/** Maps the Avro contracts to the domain and back; generated classes stay at the topology's edges. */
final class AvroMapping {

    private AvroMapping() {
    }

    static Sample toDomain(TelemetrySample sample) {
        Position position = sample.getLatitude() != null && sample.getLongitude() != null
                ? new Position(sample.getLatitude(), sample.getLongitude())
                : null;
        return new Sample(sample.getWorkoutId(), sample.getUserId(), sample.getDeviceId(), sample.getSequenceNumber(),
                sample.getRecordedAt(), position, sample.getAccuracyMeters(), sample.getAltitudeMeters(),
                sample.getHeartRateBpm(), sample.getSpeedMetersPerSecond(), sample.getCadenceRpm(),
                sample.getPowerWatts());
    }

    static Athlete toDomain(UserMetricsUpdated metrics) {
        if (metrics == null || metrics.getData() == null) {
            return Athlete.UNKNOWN;
        }
        UserMetricsUpdatedData data = metrics.getData();
        return new Athlete(data.getMaxHeartRateBpm(), data.getWeightKg(), data.getBirthYear());
    }

    static Sport toDomain(SportType sportType) {
        return sportType == null ? Sport.OTHER : Sport.valueOf(sportType.name());
    }

    static LiveWorkoutState toAvro(LiveFigures figures, Instant now) {
        Position position = figures.lastPosition();
        return LiveWorkoutState.newBuilder()
                .setWorkoutId(figures.workoutId())
                .setUserId(figures.userId())
                .setSampleCount(figures.sampleCount())
                .setLastSequenceNumber(figures.lastSequenceNumber())
                .setStartedAt(figures.startedAt())
                .setLastRecordedAt(figures.lastRecordedAt())
                .setLastPosition(position == null ? null : new GeoPoint(position.latitude(), position.longitude()))
                .setDistanceMeters(figures.distanceMeters())
                .setLastHeartRateBpm(figures.lastHeartRateBpm())
                .setLastSpeedMetersPerSecond(figures.lastSpeedMetersPerSecond())
                .setUpdatedAt(now)
                .setStatus(figures.status().name())
                .setElapsedTimeMillis(figures.elapsedMillis())
                .setMovingTimeMillis(figures.movingMillis())
                .setCurrentSpeedMetersPerSecond(figures.currentSpeedMetersPerSecond())
                .setAvgSpeedMetersPerSecond(figures.avgSpeedMetersPerSecond())
                .setCurrentPaceSecondsPerKm(figures.currentPaceSecondsPerKm())
                .setAvgPaceSecondsPerKm(figures.avgPaceSecondsPerKm())
                .setAvgHeartRateBpm(figures.avgHeartRateBpm())
                .setMaxHeartRateBpm(figures.maxHeartRateBpm())
                .setZoneMaxHeartRateBpm(figures.zoneMaxHeartRateBpm())
                .setHeartRateZoneMillis(figures.heartRateZoneMillis())
                .setElevationGainMeters(figures.elevationGainMeters())
                .setElevationLossMeters(figures.elevationLossMeters())
                .setCaloriesKcal(figures.caloriesKcal())
                .setAvgCadenceRpm(figures.avgCadenceRpm())
                .setMaxCadenceRpm(figures.maxCadenceRpm())
                .setAvgPowerWatts(figures.avgPowerWatts())
                .setMaxPowerWatts(figures.maxPowerWatts())
                .setRejectedFixCount(figures.rejectedFixes())
                .setLateSampleCount(figures.lateSamples())
                .build();
    }

    /** The n-th WorkoutUpdated of a workout; its event id is derived from both, so a replay writes the same id. */
    static WorkoutUpdated toWorkoutUpdated(LiveFigures figures, long number) {
        UUID eventId = UUID.nameUUIDFromBytes(
                ("live-workout/" + figures.workoutId() + "/" + number).getBytes(StandardCharsets.UTF_8));
        return WorkoutUpdated.newBuilder()
                .setEventId(eventId)
                .setTimestamp(figures.lastRecordedAt())
                .setData(WorkoutUpdatedData.newBuilder()
                        .setWorkoutId(figures.workoutId())
                        .setUserId(figures.userId())
                        .setCurrentDistanceMeters(figures.distanceMeters())
                        .setAvgHeartRateBpm(figures.avgHeartRateBpm())
                        .setCurrentSpeedMetersPerSecond(figures.currentSpeedMetersPerSecond())
                        .build())
                .build();
    }
}
