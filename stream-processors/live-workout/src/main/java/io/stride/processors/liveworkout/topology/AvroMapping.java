package io.stride.processors.liveworkout.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.stride.processors.liveworkout.domain.Athlete;
import io.stride.processors.liveworkout.domain.LiveFigures;
import io.stride.processors.liveworkout.domain.Position;
import io.stride.processors.liveworkout.domain.Sample;
import io.stride.processors.liveworkout.domain.Sport;
import io.stride.processors.liveworkout.domain.TrackPoint;
import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.common.SportType;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySample;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.users.UserMetricsUpdatedData;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
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
        return new Athlete(data.getMaxHeartRateBpm(), data.getWeightKg(), data.getBirthYear(),
                data.getRestingHeartRateBpm());
    }

    static Sport toDomain(SportType sportType) {
        return sportType == null ? Sport.OTHER : Sport.valueOf(sportType.name());
    }

    static LiveWorkoutState toAvro(LiveFigures figures, Instant now) {
        Position position = figures.lastPosition();
        return LiveWorkoutState.newBuilder()
                .setWorkoutId(figures.workoutId())
                .setUserId(figures.userId())
                .setSportType(SportType.valueOf(figures.sport().name()))
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
        return toWorkoutUpdated(figures.workoutId(), figures.userId(), figures.lastRecordedAt(),
                figures.distanceMeters(), figures.avgHeartRateBpm(), figures.currentSpeedMetersPerSecond(), number);
    }

    /** A WorkoutUpdated with the given figures; its event id is derived from the workout and its number. */
    static WorkoutUpdated toWorkoutUpdated(UUID workoutId, UUID userId, Instant at, double distanceMeters,
            Integer avgHeartRateBpm, Double speedMetersPerSecond, long number) {
        UUID eventId = UUID.nameUUIDFromBytes(
                ("live-workout/" + workoutId + "/" + number).getBytes(StandardCharsets.UTF_8));
        return WorkoutUpdated.newBuilder()
                .setEventId(eventId)
                .setTimestamp(at)
                .setData(WorkoutUpdatedData.newBuilder()
                        .setWorkoutId(workoutId)
                        .setUserId(userId)
                        .setCurrentDistanceMeters(distanceMeters)
                        .setAvgHeartRateBpm(avgHeartRateBpm)
                        .setCurrentSpeedMetersPerSecond(speedMetersPerSecond)
                        .build())
                .build();
    }

    /**
     * A workout's final figures (ADR 0013): {@code figures} of the closed session, or none for a workout without any
     * sample; the track thinned to at most {@code maxPoints} by keeping every n-th point and always the last.
     */
    static FinalFigures toFinalFigures(LiveFigures figures, EndReason reason, Instant endedAt, List<TrackPoint> track,
            int maxPoints) {
        FinalFigures.Builder builder = FinalFigures.newBuilder()
                .setEndReason(reason)
                .setEndedAt(endedAt)
                .setTrack(toTrack(track, figures == null ? null : figures.startedAt(), maxPoints));
        if (figures == null) {
            return builder.setSampleCount(0).setElapsedTimeMillis(0).setMovingTimeMillis(0).setDistanceMeters(0)
                    .build();
        }
        return builder
                .setStartedAt(figures.startedAt())
                .setSampleCount(figures.sampleCount())
                .setElapsedTimeMillis(figures.elapsedMillis())
                .setMovingTimeMillis(figures.movingMillis())
                .setDistanceMeters(figures.distanceMeters())
                .setElevationGainMeters(figures.elevationGainMeters())
                .setElevationLossMeters(figures.elevationLossMeters())
                .setCaloriesKcal(figures.caloriesKcal())
                .setAvgHeartRateBpm(figures.avgHeartRateBpm())
                .setMaxHeartRateBpm(figures.maxHeartRateBpm())
                .setAvgSpeedMetersPerSecond(figures.avgSpeedMetersPerSecond())
                .setAvgCadenceRpm(figures.avgCadenceRpm())
                .setAvgPowerWatts(figures.avgPowerWatts())
                .setWorkKilojoules(figures.workKilojoules())
                .setHeartRateZoneMillis(figures.heartRateZoneMillis())
                .build();
    }

    private static List<io.stride.schemas.workout.TrackPoint> toTrack(List<TrackPoint> points, Instant startedAt,
            int maxPoints) {
        if (points.isEmpty()) {
            return List.of();
        }
        long origin = startedAt != null ? startedAt.toEpochMilli() : points.getFirst().atMillis();
        int step = Math.max(1, (points.size() + maxPoints - 1) / maxPoints);
        List<io.stride.schemas.workout.TrackPoint> track = new ArrayList<>(points.size() / step + 1);
        for (int i = 0; i < points.size(); i++) {
            if (i % step == 0 || i == points.size() - 1) {
                TrackPoint point = points.get(i);
                io.stride.schemas.workout.TrackPoint avro = new io.stride.schemas.workout.TrackPoint();
                avro.setOffsetMillis(Math.max(0, point.atMillis() - origin));
                if (point.position() != null) {
                    avro.setLatitude(point.position().latitude());
                    avro.setLongitude(point.position().longitude());
                }
                avro.setAltitudeMeters(point.altitudeMeters());
                avro.setHeartRateBpm(point.heartRateBpm());
                avro.setDistanceMeters(point.distanceMeters());
                avro.setSpeedMetersPerSecond(point.speedMetersPerSecond());
                avro.setMoving(point.moving());
                track.add(avro);
            }
        }
        return track;
    }
}
