package io.stride.queries.workouthistory.mapping;

/**
 * One point of a finished workout's track as live-workout recorded it (a point every few seconds of event time):
 * what the file or device did not measure is null.
 *
 * @param offsetMillis         time since the workout started
 * @param latitude             WGS-84 degrees
 * @param longitude            WGS-84 degrees
 * @param altitudeMeters       altitude above sea level
 * @param heartRateBpm         heart rate
 * @param distanceMeters       distance covered since the start
 * @param speedMetersPerSecond speed at that moment
 * @param moving               whether the athlete was moving (auto-pause)
 */
public record TrackSample(long offsetMillis, Double latitude, Double longitude, Double altitudeMeters,
        Integer heartRateBpm, double distanceMeters, Double speedMetersPerSecond, boolean moving) {

    /** Whether the point has a position. */
    public boolean positioned() {
        return latitude != null && longitude != null;
    }
}
