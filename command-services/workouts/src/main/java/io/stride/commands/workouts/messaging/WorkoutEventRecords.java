package io.stride.commands.workouts.messaging;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import io.stride.commands.workouts.domain.EndReason;
import io.stride.commands.workouts.domain.FinalFigures;
import io.stride.commands.workouts.domain.GeoPosition;
import io.stride.commands.workouts.domain.Source;
import io.stride.commands.workouts.domain.Sport;
import io.stride.commands.workouts.domain.TrackPoint;
import io.stride.commands.workouts.domain.WorkoutEvent;
import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCancelledData;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletedData;
import io.stride.schemas.workout.WorkoutCompletionRequested;
import io.stride.schemas.workout.WorkoutCompletionRequestedData;
import io.stride.schemas.workout.WorkoutPaused;
import io.stride.schemas.workout.WorkoutPausedData;
import io.stride.schemas.workout.WorkoutResumed;
import io.stride.schemas.workout.WorkoutResumedData;
import io.stride.schemas.workout.WorkoutSource;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutStartedData;
import io.stride.schemas.workout.WorkoutTagAdded;
import io.stride.schemas.workout.WorkoutTagAddedData;
import io.stride.schemas.workout.WorkoutUpdated;
import io.stride.schemas.workout.WorkoutUpdatedData;

/**
 * The edge between the domain and the contracts (STYLE §8): each domain event as its Avro record on
 * {@code workouts.workout-events} (envelope: the event's id, type and time), and live-workout's final figures into the
 * domain.
 */
public final class WorkoutEventRecords {

    private WorkoutEventRecords() {
    }

    /** The record published for {@code event}. */
    public static SpecificRecord toAvro(WorkoutEvent event) {
        return switch (event) {
            case WorkoutEvent.Started started -> WorkoutStarted.newBuilder()
                    .setEventId(started.eventId())
                    .setTimestamp(started.occurredAt())
                    .setData(WorkoutStartedData.newBuilder()
                            .setWorkoutId(started.workoutId())
                            .setUserId(started.userId())
                            .setSportType(toAvro(started.sport()))
                            .setStartTime(started.startTime())
                            .setLocation(toAvro(started.location()))
                            .setDeviceModel(started.deviceModel())
                            .setSource(toAvro(started.source()))
                            .setTitle(started.title())
                            .build())
                    .build();
            case WorkoutEvent.Updated updated -> WorkoutUpdated.newBuilder()
                    .setEventId(updated.eventId())
                    .setTimestamp(updated.occurredAt())
                    .setData(WorkoutUpdatedData.newBuilder()
                            .setWorkoutId(updated.workoutId())
                            .setUserId(updated.userId())
                            .setCurrentDistanceMeters(updated.distanceMeters())
                            .setAvgHeartRateBpm(updated.avgHeartRateBpm())
                            .setCurrentSpeedMetersPerSecond(null)
                            .setSource(UpdateSource.ATHLETE)
                            .setFinalFigures(null)
                            .setSportType(updated.sport() == null ? null : toAvro(updated.sport()))
                            .setTitle(updated.title())
                            .setNotes(updated.notes())
                            .build())
                    .build();
            case WorkoutEvent.Paused paused -> WorkoutPaused.newBuilder()
                    .setEventId(paused.eventId())
                    .setTimestamp(paused.occurredAt())
                    .setData(WorkoutPausedData.newBuilder()
                            .setWorkoutId(paused.workoutId())
                            .setUserId(paused.userId())
                            .setPausedAt(paused.occurredAt())
                            .build())
                    .build();
            case WorkoutEvent.Resumed resumed -> WorkoutResumed.newBuilder()
                    .setEventId(resumed.eventId())
                    .setTimestamp(resumed.occurredAt())
                    .setData(WorkoutResumedData.newBuilder()
                            .setWorkoutId(resumed.workoutId())
                            .setUserId(resumed.userId())
                            .setResumedAt(resumed.occurredAt())
                            .build())
                    .build();
            case WorkoutEvent.CompletionRequested requested -> WorkoutCompletionRequested.newBuilder()
                    .setEventId(requested.eventId())
                    .setTimestamp(requested.occurredAt())
                    .setData(WorkoutCompletionRequestedData.newBuilder()
                            .setWorkoutId(requested.workoutId())
                            .setUserId(requested.userId())
                            .setEndTime(requested.endTime())
                            .setRequestedBy(toAvro(requested.requestedBy()))
                            .build())
                    .build();
            case WorkoutEvent.Completed completed -> WorkoutCompleted.newBuilder()
                    .setEventId(completed.eventId())
                    .setTimestamp(completed.occurredAt())
                    .setData(WorkoutCompletedData.newBuilder()
                            .setWorkoutId(completed.workoutId())
                            .setUserId(completed.userId())
                            .setEndTime(completed.endTime())
                            .setDurationSeconds(completed.durationSeconds())
                            .setDistanceMeters(completed.distanceMeters())
                            .setCaloriesBurned(completed.caloriesBurned())
                            .setRouteCoordinates(completed.routeCoordinates().stream()
                                    .map(WorkoutEventRecords::toAvro)
                                    .toList())
                            .setSportType(completed.sport() == null ? null : toAvro(completed.sport()))
                            .setStartTime(completed.startTime())
                            .setAbandoned(completed.abandoned())
                            .setSource(toAvro(completed.source()))
                            .setFigures(completed.figures() == null ? null : toAvro(completed.figures()))
                            .build())
                    .build();
            case WorkoutEvent.Cancelled cancelled -> WorkoutCancelled.newBuilder()
                    .setEventId(cancelled.eventId())
                    .setTimestamp(cancelled.occurredAt())
                    .setData(WorkoutCancelledData.newBuilder()
                            .setWorkoutId(cancelled.workoutId())
                            .setUserId(cancelled.userId())
                            .setCancelledAt(cancelled.occurredAt())
                            .setReason(cancelled.reason())
                            .build())
                    .build();
            case WorkoutEvent.TagAdded tagged -> WorkoutTagAdded.newBuilder()
                    .setEventId(tagged.eventId())
                    .setTimestamp(tagged.occurredAt())
                    .setData(WorkoutTagAddedData.newBuilder()
                            .setWorkoutId(tagged.workoutId())
                            .setUserId(tagged.userId())
                            .setTag(tagged.tag())
                            .build())
                    .build();
        };
    }

    /** live-workout's final figures in the domain's terms, unchanged. */
    public static FinalFigures toDomain(io.stride.schemas.workout.FinalFigures figures) {
        return new FinalFigures(
                figures.getEndReason() == io.stride.schemas.workout.EndReason.ABANDONED
                        ? EndReason.ABANDONED
                        : EndReason.COMPLETED,
                figures.getStartedAt(), figures.getEndedAt(), figures.getSampleCount(), figures.getElapsedTimeMillis(),
                figures.getMovingTimeMillis(), figures.getDistanceMeters(), figures.getElevationGainMeters(),
                figures.getElevationLossMeters(), figures.getCaloriesKcal(), figures.getAvgHeartRateBpm(),
                figures.getMaxHeartRateBpm(), figures.getAvgSpeedMetersPerSecond(),
                figures.getMaxSpeedMetersPerSecond(), figures.getAvgCadenceRpm(), figures.getAvgPowerWatts(),
                figures.getWorkKilojoules(), figures.getHeartRateZoneMillis(), figures.getTrack().stream()
                        .map(point -> new TrackPoint(point.getOffsetMillis(), point.getLatitude(),
                                point.getLongitude(), point.getAltitudeMeters(), point.getHeartRateBpm(),
                                point.getDistanceMeters(), point.getSpeedMetersPerSecond(), point.getMoving()))
                        .toList());
    }

    /** The domain's final figures as the contract's, unchanged (live-workout's record, once more). */
    static io.stride.schemas.workout.FinalFigures toAvro(FinalFigures figures) {
        return io.stride.schemas.workout.FinalFigures.newBuilder()
                .setEndReason(figures.endReason() == EndReason.ABANDONED
                        ? io.stride.schemas.workout.EndReason.ABANDONED
                        : io.stride.schemas.workout.EndReason.COMPLETED)
                .setStartedAt(figures.startedAt())
                .setEndedAt(figures.endedAt())
                .setSampleCount(figures.sampleCount())
                .setElapsedTimeMillis(figures.elapsedTimeMillis())
                .setMovingTimeMillis(figures.movingTimeMillis())
                .setDistanceMeters(figures.distanceMeters())
                .setElevationGainMeters(figures.elevationGainMeters())
                .setElevationLossMeters(figures.elevationLossMeters())
                .setCaloriesKcal(figures.caloriesKcal())
                .setAvgHeartRateBpm(figures.avgHeartRateBpm())
                .setMaxHeartRateBpm(figures.maxHeartRateBpm())
                .setAvgSpeedMetersPerSecond(figures.avgSpeedMetersPerSecond())
                .setMaxSpeedMetersPerSecond(figures.maxSpeedMetersPerSecond())
                .setAvgCadenceRpm(figures.avgCadenceRpm())
                .setAvgPowerWatts(figures.avgPowerWatts())
                .setWorkKilojoules(figures.workKilojoules())
                .setHeartRateZoneMillis(List.copyOf(figures.heartRateZoneMillis()))
                .setTrack(figures.track().stream()
                        .map(point -> io.stride.schemas.workout.TrackPoint.newBuilder()
                                .setOffsetMillis(point.offsetMillis())
                                .setLatitude(point.latitude())
                                .setLongitude(point.longitude())
                                .setAltitudeMeters(point.altitudeMeters())
                                .setHeartRateBpm(point.heartRateBpm())
                                .setDistanceMeters(point.distanceMeters())
                                .setSpeedMetersPerSecond(point.speedMetersPerSecond())
                                .setMoving(point.moving())
                                .build())
                        .toList())
                .build();
    }

    private static GeoPoint toAvro(GeoPosition position) {
        return position == null ? null : GeoPoint.newBuilder()
                .setLatitude(position.latitude())
                .setLongitude(position.longitude())
                .build();
    }

    private static SportType toAvro(Sport sport) {
        return SportType.valueOf(sport.name());
    }

    private static WorkoutSource toAvro(Source source) {
        return WorkoutSource.valueOf(source.name());
    }
}
