package io.stride.processors.liveworkout.domain;

/**
 * One point of a workout's recorded track, taken when a sample is applied for good at most every
 * {@link LiveSettings#trackEvery()} of event time, and once more when the workout closes: where the athlete was (the
 * smoothed position, null without a fix), the measurements at that moment and the workout's distance so far.
 *
 * @param index             the point's place in the workout's track, from 0
 * @param atMillis          event time, epoch milliseconds
 * @param position          the smoothed position, null without a fix
 * @param altitudeMeters    the device's altitude, null when it sent none
 * @param heartRateBpm      the heart rate at that moment (the last reading), null without a strap
 * @param distanceMeters    distance from the start, the workout's own
 * @param speedMetersPerSecond speed at that moment (the device's, else from the positions), null when unknown
 * @param moving            whether the athlete was moving (auto-pause)
 */
public record TrackPoint(long index, long atMillis, Position position, Double altitudeMeters, Integer heartRateBpm,
        double distanceMeters, Double speedMetersPerSecond, boolean moving) {
}
