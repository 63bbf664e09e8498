package io.stride.commands.workouts.domain;

import java.time.Instant;
import java.util.List;

/**
 * Every final figure of a workout as live-workout computed it once its reorder buffer was applied for good (ADR 0013):
 * the figures the athlete saw live, once more, and the track. The aggregate records them; it never computes figures.
 *
 * @param endReason           why live-workout finished the workout
 * @param startedAt           the first sample's time; null without any sample
 * @param endedAt             the requested end time, or the last sample's time for an abandoned workout
 * @param sampleCount         samples folded
 * @param elapsedTimeMillis   first to last sample, manual pauses excluded
 * @param movingTimeMillis    time in motion
 * @param distanceMeters      total distance
 * @param elevationGainMeters elevation gained
 * @param elevationLossMeters elevation lost
 * @param caloriesKcal        energy spent
 * @param avgHeartRateBpm     mean heart rate
 * @param maxHeartRateBpm     highest heart rate
 * @param avgSpeedMetersPerSecond distance over moving time
 * @param maxSpeedMetersPerSecond highest speed
 * @param avgCadenceRpm       mean cadence
 * @param avgPowerWatts       mean power
 * @param workKilojoules      mechanical work
 * @param heartRateZoneMillis time in each of the five heart-rate zones
 * @param track               the track in time order (bounded by live-workout)
 */
public record FinalFigures(EndReason endReason, Instant startedAt, Instant endedAt, long sampleCount,
        long elapsedTimeMillis, long movingTimeMillis, double distanceMeters, Double elevationGainMeters,
        Double elevationLossMeters, Double caloriesKcal, Integer avgHeartRateBpm, Integer maxHeartRateBpm,
        Double avgSpeedMetersPerSecond, Double maxSpeedMetersPerSecond, Integer avgCadenceRpm, Integer avgPowerWatts,
        Double workKilojoules, List<Long> heartRateZoneMillis, List<TrackPoint> track) {

    public FinalFigures {
        heartRateZoneMillis = heartRateZoneMillis == null ? List.of() : List.copyOf(heartRateZoneMillis);
        track = track == null ? List.of() : List.copyOf(track);
    }

    /** The document's {@code duration_sec}: the elapsed time in whole seconds. */
    public int durationSeconds() {
        return Math.toIntExact(elapsedTimeMillis / 1000);
    }

    /** The document's {@code route_coordinates}: the track's positions in order. */
    public List<GeoPosition> route() {
        return track.stream()
                .map(TrackPoint::position)
                .filter(position -> position != null)
                .toList();
    }
}
