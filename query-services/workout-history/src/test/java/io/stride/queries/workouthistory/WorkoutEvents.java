package io.stride.queries.workouthistory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.stride.queries.workouthistory.mapping.TrackSample;
import io.stride.schemas.common.SportType;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.TrackPoint;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCancelledData;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletedData;
import io.stride.schemas.workout.WorkoutCompletionRequested;
import io.stride.schemas.workout.WorkoutCompletionRequestedData;
import io.stride.schemas.workout.WorkoutSource;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutStartedData;
import io.stride.schemas.workout.WorkoutTagAdded;
import io.stride.schemas.workout.WorkoutTagAddedData;
import io.stride.schemas.workout.WorkoutUpdated;
import io.stride.schemas.workout.WorkoutUpdatedData;

/**
 * The Workout aggregate's events of one workout, as the workouts service and live-workout publish them (contract
 * records): started, live progress, completion requested, completed with figures and track, tags, edits.
 */
public final class WorkoutEvents {

    private WorkoutEvents() {
    }

    /** One workout of one athlete, from {@code start}, of {@code sport}. */
    public record Workout(UUID workoutId, UUID userId, Instant start, SportType sport) {

        public static Workout of(UUID userId, Instant start, SportType sport) {
            return new Workout(UUID.randomUUID(), userId, start, sport);
        }

        public WorkoutStarted started(String title) {
            return WorkoutStarted.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setTimestamp(start)
                    .setData(WorkoutStartedData.newBuilder()
                            .setWorkoutId(workoutId)
                            .setUserId(userId)
                            .setSportType(sport)
                            .setStartTime(start)
                            .setDeviceModel("Test watch")
                            .setSource(WorkoutSource.APP)
                            .setTitle(title)
                            .build())
                    .build();
        }

        /** Live progress, which the read models ignore. */
        public WorkoutUpdated progress(double meters) {
            return WorkoutUpdated.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setTimestamp(start.plusSeconds(60))
                    .setData(WorkoutUpdatedData.newBuilder()
                            .setWorkoutId(workoutId)
                            .setUserId(userId)
                            .setCurrentDistanceMeters(meters)
                            .setSource(UpdateSource.LIVE)
                            .build())
                    .build();
        }

        /** The athlete's edit. */
        public WorkoutUpdated edited(String title, String notes, SportType newSport) {
            return WorkoutUpdated.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setTimestamp(start.plusSeconds(7_200))
                    .setData(WorkoutUpdatedData.newBuilder()
                            .setWorkoutId(workoutId)
                            .setUserId(userId)
                            .setCurrentDistanceMeters(0)
                            .setSource(UpdateSource.ATHLETE)
                            .setTitle(title)
                            .setNotes(notes)
                            .setSportType(newSport)
                            .build())
                    .build();
        }

        public WorkoutCompletionRequested completionRequested(Instant end) {
            return WorkoutCompletionRequested.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setTimestamp(end)
                    .setData(WorkoutCompletionRequestedData.newBuilder()
                            .setWorkoutId(workoutId)
                            .setUserId(userId)
                            .setEndTime(end)
                            .setRequestedBy(WorkoutSource.APP)
                            .build())
                    .build();
        }

        /** Completed with the track's figures: the end is the last point, the distance the last point's. */
        public WorkoutCompleted completed(List<TrackSample> track, double calories) {
            TrackSample last = track.getLast();
            Instant end = start.plusMillis(last.offsetMillis());
            long moving = 0;
            for (int i = 1; i < track.size(); i++) {
                if (track.get(i).moving()) {
                    moving += track.get(i).offsetMillis() - track.get(i - 1).offsetMillis();
                }
            }
            FinalFigures figures = FinalFigures.newBuilder()
                    .setEndReason(EndReason.COMPLETED)
                    .setStartedAt(start)
                    .setEndedAt(end)
                    .setSampleCount(track.size())
                    .setElapsedTimeMillis(last.offsetMillis())
                    .setMovingTimeMillis(moving)
                    .setDistanceMeters(last.distanceMeters())
                    .setElevationGainMeters(last.altitudeMeters() == null ? null
                            : last.altitudeMeters() - track.getFirst().altitudeMeters())
                    .setElevationLossMeters(0.0)
                    .setCaloriesKcal(calories)
                    .setAvgHeartRateBpm(track.stream().filter(p -> p.heartRateBpm() != null)
                            .mapToInt(TrackSample::heartRateBpm).sum() / Math.max(1, track.size()))
                    .setMaxHeartRateBpm(track.stream().filter(p -> p.heartRateBpm() != null)
                            .mapToInt(TrackSample::heartRateBpm).max().orElse(0))
                    .setAvgSpeedMetersPerSecond(moving == 0 ? null : last.distanceMeters() / (moving / 1000.0))
                    .setMaxSpeedMetersPerSecond(track.stream().filter(p -> p.speedMetersPerSecond() != null)
                            .mapToDouble(TrackSample::speedMetersPerSecond).max().orElse(0))
                    .setHeartRateZoneMillis(List.of(0L, 0L, moving, 0L, 0L))
                    .setTrack(track.stream().map(point -> TrackPoint.newBuilder()
                            .setOffsetMillis(point.offsetMillis())
                            .setLatitude(point.latitude())
                            .setLongitude(point.longitude())
                            .setAltitudeMeters(point.altitudeMeters())
                            .setHeartRateBpm(point.heartRateBpm())
                            .setDistanceMeters(point.distanceMeters())
                            .setSpeedMetersPerSecond(point.speedMetersPerSecond())
                            .setMoving(point.moving())
                            .build()).toList())
                    .build();
            return WorkoutCompleted.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setTimestamp(end.plus(Duration.ofSeconds(1)))
                    .setData(WorkoutCompletedData.newBuilder()
                            .setWorkoutId(workoutId)
                            .setUserId(userId)
                            .setEndTime(end)
                            .setDurationSeconds((int) (last.offsetMillis() / 1000))
                            .setDistanceMeters(last.distanceMeters())
                            .setCaloriesBurned(calories)
                            .setRouteCoordinates(List.of())
                            .setSportType(sport)
                            .setStartTime(start)
                            .setSource(WorkoutSource.APP)
                            .setFigures(figures)
                            .build())
                    .build();
        }

        public WorkoutTagAdded tagAdded(String tag) {
            return WorkoutTagAdded.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setTimestamp(start.plusSeconds(10_000))
                    .setData(WorkoutTagAddedData.newBuilder()
                            .setWorkoutId(workoutId)
                            .setUserId(userId)
                            .setTag(tag)
                            .build())
                    .build();
        }

        public WorkoutCancelled cancelled() {
            return WorkoutCancelled.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setTimestamp(start.plusSeconds(20_000))
                    .setData(WorkoutCancelledData.newBuilder()
                            .setWorkoutId(workoutId)
                            .setUserId(userId)
                            .setCancelledAt(start.plusSeconds(20_000))
                            .build())
                    .build();
        }
    }
}
