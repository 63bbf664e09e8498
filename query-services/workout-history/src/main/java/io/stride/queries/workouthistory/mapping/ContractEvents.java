package io.stride.queries.workouthistory.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.TrackPoint;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutCancelled;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutCompletedData;
import io.stride.schemas.workout.WorkoutCompletionRequested;
import io.stride.schemas.workout.WorkoutPaused;
import io.stride.schemas.workout.WorkoutResumed;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutTagAdded;
import io.stride.schemas.workout.WorkoutUpdated;

/**
 * Maps the records of {@code workouts.workout-events} to {@link WorkoutEvent}s. What the read models do not use is
 * empty: live progress ({@code WorkoutUpdated} from LIVE, with or without final figures: {@code WorkoutCompleted}
 * carries the same figures), and record types this build does not know.
 */
public final class ContractEvents {

    private ContractEvents() {
    }

    /** The event, or empty when the read models ignore the record. */
    public static Optional<WorkoutEvent> toEvent(SpecificRecord record) {
        return Optional.ofNullable(switch (record) {
            case WorkoutStarted started -> new WorkoutEvent.Started(id(started.getEventId()),
                    id(started.getData().getWorkoutId()), id(started.getData().getUserId()), started.getTimestamp(),
                    started.getData().getSportType().name(), started.getData().getStartTime(),
                    started.getData().getTitle(), started.getData().getDeviceModel(),
                    started.getData().getSource().name());
            case WorkoutUpdated updated when updated.getData().getSource() == UpdateSource.ATHLETE ->
                    new WorkoutEvent.Edited(id(updated.getEventId()), id(updated.getData().getWorkoutId()),
                            id(updated.getData().getUserId()), updated.getTimestamp(),
                            updated.getData().getSportType() == null ? null : updated.getData().getSportType().name(),
                            updated.getData().getTitle(), updated.getData().getNotes());
            case WorkoutUpdated live -> null;
            case WorkoutPaused paused -> new WorkoutEvent.Paused(id(paused.getEventId()),
                    id(paused.getData().getWorkoutId()), id(paused.getData().getUserId()), paused.getTimestamp());
            case WorkoutResumed resumed -> new WorkoutEvent.Resumed(id(resumed.getEventId()),
                    id(resumed.getData().getWorkoutId()), id(resumed.getData().getUserId()), resumed.getTimestamp());
            case WorkoutCompletionRequested requested -> new WorkoutEvent.CompletionRequested(
                    id(requested.getEventId()), id(requested.getData().getWorkoutId()),
                    id(requested.getData().getUserId()), requested.getTimestamp());
            case WorkoutCompleted completed -> completed(completed);
            case WorkoutCancelled cancelled -> new WorkoutEvent.Cancelled(id(cancelled.getEventId()),
                    id(cancelled.getData().getWorkoutId()), id(cancelled.getData().getUserId()),
                    cancelled.getTimestamp());
            case WorkoutTagAdded tagged -> new WorkoutEvent.TagAdded(id(tagged.getEventId()),
                    id(tagged.getData().getWorkoutId()), id(tagged.getData().getUserId()), tagged.getTimestamp(),
                    tagged.getData().getTag());
            default -> null;
        });
    }

    private static WorkoutEvent.Completed completed(WorkoutCompleted completed) {
        WorkoutCompletedData data = completed.getData();
        return new WorkoutEvent.Completed(id(completed.getEventId()), id(data.getWorkoutId()), id(data.getUserId()),
                completed.getTimestamp(), data.getEndTime(), data.getDurationSeconds(), data.getDistanceMeters(),
                data.getCaloriesBurned(), data.getSportType() == null ? null : data.getSportType().name(),
                data.getStartTime(), data.getAbandoned(), data.getSource().name(),
                data.getFigures() == null ? routeOnly(data.getRouteCoordinates()) : figures(data.getFigures()));
    }

    private static WorkoutEvent.Figures figures(FinalFigures figures) {
        List<TrackSample> track = new ArrayList<>(figures.getTrack().size());
        for (TrackPoint point : figures.getTrack()) {
            track.add(new TrackSample(point.getOffsetMillis(), point.getLatitude(), point.getLongitude(),
                    point.getAltitudeMeters(), point.getHeartRateBpm(), point.getDistanceMeters(),
                    point.getSpeedMetersPerSecond(), point.getMoving()));
        }
        return new WorkoutEvent.Figures(figures.getStartedAt(), figures.getMovingTimeMillis(),
                figures.getElevationGainMeters(), figures.getElevationLossMeters(), figures.getAvgHeartRateBpm(),
                figures.getMaxHeartRateBpm(),
                figures.getAvgSpeedMetersPerSecond(), figures.getMaxSpeedMetersPerSecond(),
                figures.getAvgCadenceRpm(), figures.getAvgPowerWatts(), figures.getHeartRateZoneMillis(), track, true);
    }

    /** An old completion without figures: its route as a track without times, distance along it. */
    private static WorkoutEvent.Figures routeOnly(List<GeoPoint> route) {
        List<TrackSample> track = new ArrayList<>(route.size());
        double distance = 0;
        GeoPoint previous = null;
        for (GeoPoint point : route) {
            if (previous != null) {
                distance += GeoMath.haversineMeters(previous.getLatitude(), previous.getLongitude(),
                        point.getLatitude(), point.getLongitude());
            }
            track.add(new TrackSample(0, point.getLatitude(), point.getLongitude(), null, null, distance, null, true));
            previous = point;
        }
        return WorkoutEvent.Figures.routeOnly(track);
    }

    private static String id(Object id) {
        return id.toString();
    }
}
