package io.stride.queries.livetracking.mapping;

import java.util.UUID;

import io.stride.queries.livetracking.api.LiveWorkoutView;
import io.stride.queries.livetracking.api.SharedWorkoutView;
import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.live.LiveWorkoutState;

/** Maps the Avro live state to the API's views: the owner's, and the public one of a share link. */
public final class LiveWorkoutViewMapper {

    private LiveWorkoutViewMapper() {
    }

    public static LiveWorkoutView toView(LiveWorkoutState state) {
        GeoPoint point = state.getLastPosition();
        Double speed = state.getCurrentSpeedMetersPerSecond() != null
                ? state.getCurrentSpeedMetersPerSecond()
                : state.getLastSpeedMetersPerSecond();
        String sport = state.getSportType() == null ? null : state.getSportType().name();
        return new LiveWorkoutView(state.getWorkoutId(), sport, state.getStatus(), state.getSampleCount(),
                state.getStartedAt(), state.getLastRecordedAt(),
                point == null ? null : new LiveWorkoutView.Position(point.getLatitude(), point.getLongitude()),
                state.getDistanceMeters(), state.getElapsedTimeMillis(), state.getMovingTimeMillis(), speed,
                state.getAvgSpeedMetersPerSecond(), state.getCurrentPaceSecondsPerKm(), state.getAvgPaceSecondsPerKm(),
                state.getLastHeartRateBpm(), state.getAvgHeartRateBpm(), state.getMaxHeartRateBpm(),
                state.getHeartRateZoneMillis(), state.getElevationGainMeters(), state.getElevationLossMeters(),
                state.getCaloriesKcal(), state.getAvgCadenceRpm(), state.getMaxCadenceRpm(), state.getAvgPowerWatts(),
                state.getMaxPowerWatts(), state.getUpdatedAt());
    }

    /** What a share link shows: the owner's figures under the link's id, without the workout or user id. */
    public static SharedWorkoutView toSharedView(UUID shareLinkId, LiveWorkoutState state) {
        LiveWorkoutView view = toView(state);
        return new SharedWorkoutView(shareLinkId, view.sport(), view.status(), view.sampleCount(), view.startedAt(),
                view.lastRecordedAt(), view.lastPosition(), view.distanceMeters(), view.elapsedTimeMillis(),
                view.movingTimeMillis(), view.speedMetersPerSecond(), view.avgSpeedMetersPerSecond(),
                view.currentPaceSecondsPerKm(), view.avgPaceSecondsPerKm(), view.heartRateBpm(),
                view.avgHeartRateBpm(), view.maxHeartRateBpm(), view.heartRateZoneMillis(),
                view.elevationGainMeters(), view.elevationLossMeters(), view.caloriesKcal(), view.avgCadenceRpm(),
                view.maxCadenceRpm(), view.avgPowerWatts(), view.maxPowerWatts(), view.updatedAt());
    }
}
