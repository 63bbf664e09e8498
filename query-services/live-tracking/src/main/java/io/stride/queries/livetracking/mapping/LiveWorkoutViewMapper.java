package io.stride.queries.livetracking.mapping;

import io.stride.queries.livetracking.api.LiveWorkoutView;
import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.live.LiveWorkoutState;

/** Maps the Avro live state to the API's view. */
public final class LiveWorkoutViewMapper {

    private LiveWorkoutViewMapper() {
    }

    public static LiveWorkoutView toView(LiveWorkoutState state) {
        GeoPoint point = state.getLastPosition();
        Double speed = state.getCurrentSpeedMetersPerSecond() != null
                ? state.getCurrentSpeedMetersPerSecond()
                : state.getLastSpeedMetersPerSecond();
        return new LiveWorkoutView(state.getWorkoutId(), state.getStatus(), state.getSampleCount(),
                state.getStartedAt(), state.getLastRecordedAt(),
                point == null ? null : new LiveWorkoutView.Position(point.getLatitude(), point.getLongitude()),
                state.getDistanceMeters(), state.getElapsedTimeMillis(), state.getMovingTimeMillis(), speed,
                state.getAvgSpeedMetersPerSecond(), state.getCurrentPaceSecondsPerKm(), state.getAvgPaceSecondsPerKm(),
                state.getLastHeartRateBpm(), state.getAvgHeartRateBpm(), state.getMaxHeartRateBpm(),
                state.getHeartRateZoneMillis(), state.getElevationGainMeters(), state.getElevationLossMeters(),
                state.getCaloriesKcal(), state.getAvgCadenceRpm(), state.getMaxCadenceRpm(), state.getAvgPowerWatts(),
                state.getMaxPowerWatts(), state.getUpdatedAt());
    }
}
