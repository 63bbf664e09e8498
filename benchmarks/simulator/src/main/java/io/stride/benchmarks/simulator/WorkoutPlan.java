package io.stride.benchmarks.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * How one simulated workout goes, as athletes' workouts do: it starts, now and then the athlete pauses (a traffic
 * light, a drink) and resumes, and it ends with a completion, or now and then with a cancel (a workout started by
 * mistake). Offsets are recorded time since the workout's first sample.
 *
 * @param pauseAt     when the pause starts; {@code null} for a workout without a pause
 * @param pauseLength how long the athlete stands still (no samples)
 * @param cancelled   whether the workout ends with a cancel instead of a completion
 */
record WorkoutPlan(Duration pauseAt, Duration pauseLength, boolean cancelled) {

    /** Workouts shorter than this have no pause. */
    static final Duration MIN_LENGTH_FOR_PAUSE = Duration.ofMinutes(3);
    static final Duration PAUSE = Duration.ofSeconds(30);
    /** One workout in this many (never an athlete's first) is cancelled. */
    static final int CANCEL_ONE_IN = 8;

    /** The plan of an athlete's {@code index}-th workout (0 = the first) of the given length. */
    static WorkoutPlan of(int index, Duration length, Random random) {
        boolean cancelled = index > 0 && random.nextInt(CANCEL_ONE_IN) == 0;
        if (length == null || length.compareTo(MIN_LENGTH_FOR_PAUSE) < 0) {
            return new WorkoutPlan(null, Duration.ZERO, cancelled);
        }
        // somewhere in the middle third, so that the workout goes on after it
        long third = length.toMillis() / 3;
        Duration at = Duration.ofMillis(third + (long) (random.nextDouble() * third));
        return new WorkoutPlan(at, PAUSE, cancelled);
    }

    /** Whether the athlete stands still at {@code offset} into the workout. */
    boolean pausedAt(Duration offset) {
        return pauseAt != null && offset.compareTo(pauseAt) >= 0 && offset.compareTo(pauseAt.plus(pauseLength)) < 0;
    }
}
