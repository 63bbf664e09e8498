package io.stride.processors.goals.domain;

import java.time.Instant;

/**
 * A workout as the goals count it: completed with its figures, or still going with its distance so far. Cancelled
 * workouts are not given to the goals at all.
 *
 * @param workoutId the workout
 * @param sport its sport's name
 * @param startedAt when it started: the period it counts in, in the athlete's zone
 * @param reachedAt when it reached these figures: its end once completed, its latest progress update while going
 * @param completed whether it is completed
 * @param distanceMeters distance (so far, while going)
 * @param movingSeconds time in motion (0 while going)
 * @param elevationGainMeters elevation gained (0 while going)
 * @param kcal energy spent (0 while going)
 * @param track its track once completed (each point's elapsed time and distance from the start), or {@code null}
 */
public record GoalWorkout(String workoutId, String sport, Instant startedAt, Instant reachedAt, boolean completed,
        double distanceMeters, double movingSeconds, double elevationGainMeters, double kcal, Track track) {

    /**
     * A completed workout's track.
     *
     * @param elapsedMillis each point's time since the first, non-decreasing
     * @param meters each point's distance from the start, non-decreasing
     */
    public record Track(long[] elapsedMillis, double[] meters) {
    }
}
