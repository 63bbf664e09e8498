package io.stride.commands.workouts.domain;

/**
 * One point of a finished workout's track, as live-workout folded it.
 *
 * @param offsetMillis         milliseconds since the first sample
 * @param latitude             smoothed latitude; null without a fix
 * @param longitude            smoothed longitude; null without a fix
 * @param altitudeMeters       altitude as the device reported it
 * @param heartRateBpm         heart rate
 * @param distanceMeters       distance from the start
 * @param speedMetersPerSecond speed at this point
 * @param moving               whether the athlete was moving (auto-pause)
 */
public record TrackPoint(long offsetMillis, Double latitude, Double longitude, Double altitudeMeters,
        Integer heartRateBpm, double distanceMeters, Double speedMetersPerSecond, boolean moving) {

    /** The point's position, when it has a fix. */
    public GeoPosition position() {
        return latitude == null || longitude == null ? null : new GeoPosition(latitude, longitude);
    }
}
