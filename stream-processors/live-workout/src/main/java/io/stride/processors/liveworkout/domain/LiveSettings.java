package io.stride.processors.liveworkout.domain;

import java.time.Duration;

/**
 * Tuning of the live figures; the defaults are what the README documents.
 *
 * @param grace how far (event time) behind the workout's newest sample a sample may arrive and still be placed in
 *     order; samples wait this long in the reorder buffer before they are applied for good
 * @param maxAccuracyMeters fixes with a worse reported horizontal accuracy are rejected (OpenTracks: 50 m)
 * @param smoothingFixes trailing moving-average window over accepted fixes
 * @param minMovementMeters jitter clamp: the smoothed position must move this far from the last counted point before
 *     distance is added (Traccar's minError, OpenTracks' recording distance); also the radius a stopped athlete's
 *     fixes must leave to be moving again (GPS only)
 * @param speedWindow window over which the GPS speed (current speed and pace) is measured on the smoothed track
 * @param stoppedSpeedMetersPerSecond at or below this speed the athlete is stopped (auto-pause): the device's speed,
 *     or with GPS only the net speed between the mean positions of two halves of a 24-fix window
 * @param elevationThresholdMeters hysteresis of elevation gain and loss
 * @param maxGap a gap between samples longer than this is not moving time (the device lost the athlete)
 * @param updateEvery event time between two WorkoutUpdated events of a workout
 * @param updateEveryMeters distance between two WorkoutUpdated events of a workout
 * @param publishEvery wall-clock time over which a workout's changes are coalesced into one published live state;
 *     zero publishes after every change
 * @param sweepEvery wall-clock time between two passes over the stored sessions (flushing the reorder buffer of
 *     workouts whose device went quiet, deleting the sessions of erased users, retiring closed workouts)
 * @param retireClosedAfter wall-clock time without samples after which a completed or cancelled workout's session is
 *     reduced to what refusing later samples and erasing its athlete need ({@link LiveSession#retire()})
 * @param trackEvery event time between two points of a workout's recorded track (the final figures' track)
 * @param maxTrackPoints the most track points the final figures carry: a longer track keeps every n-th point
 * @param abandonAfter wall-clock time without samples (or, without any, since the workout opened) after which an open
 *     workout is finished by the platform as abandoned (ADR 0013)
 * @param pauseGap a gap (event time) between the last applied sample and the next longer than this may be a manual pause
 *     whose event is still on its way: the sample after it waits up to {@code lifecycleLag} for it
 * @param lifecycleLag wall-clock time a sample after a {@code pauseGap} waits for a pause that may be in flight (the
 *     lifecycle travels through the workouts service's outbox, the samples straight from the gateway)
 */
public record LiveSettings(
        Duration grace,
        double maxAccuracyMeters,
        int smoothingFixes,
        double minMovementMeters,
        Duration speedWindow,
        double stoppedSpeedMetersPerSecond,
        double elevationThresholdMeters,
        Duration maxGap,
        Duration updateEvery,
        double updateEveryMeters,
        Duration publishEvery,
        Duration sweepEvery,
        Duration retireClosedAfter,
        Duration trackEvery,
        int maxTrackPoints,
        Duration abandonAfter,
        Duration pauseGap,
        Duration lifecycleLag) {

    /** The documented defaults. */
    public static final LiveSettings DEFAULTS = new LiveSettings(Duration.ofSeconds(30), 50.0, 10, 10.0,
            Duration.ofSeconds(10), 0.5, 5.0, Duration.ofSeconds(30), Duration.ofSeconds(5), 100.0,
            Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(5), 3_600,
            Duration.ofHours(4), Duration.ofSeconds(10), Duration.ofSeconds(5));

    /** These settings, publishing the live state after every change (no coalescing). */
    public LiveSettings publishingEveryChange() {
        return new LiveSettings(grace, maxAccuracyMeters, smoothingFixes, minMovementMeters, speedWindow,
                stoppedSpeedMetersPerSecond, elevationThresholdMeters, maxGap, updateEvery, updateEveryMeters,
                Duration.ZERO, sweepEvery, retireClosedAfter, trackEvery, maxTrackPoints, abandonAfter, pauseGap,
                lifecycleLag);
    }
}
