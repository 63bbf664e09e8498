package io.stride.platform.workoutfacts;

import java.time.Instant;

/**
 * What a processor counting workouts learns from one Workout event or progress update, keyed by athlete after the
 * repartition: every fact names its workout, its athlete and its event time.
 */
public sealed interface WorkoutFact {

    /** The workout. */
    String workoutId();

    /** Its athlete. */
    String athleteId();

    /** When the event happened (its envelope's timestamp). */
    Instant at();

    /**
     * The workout was completed with these figures.
     *
     * @param sport the sport at completion, or {@code null} when the event does not say
     */
    record Completed(String workoutId, String athleteId, Instant at, String sport, Figures figures)
            implements WorkoutFact {
    }

    /**
     * The workout was started: a workout in progress from then on, on its live day, until it completes or is
     * cancelled.
     *
     * @param sport its sport
     * @param startedAt when it started (the day it counts in)
     */
    record Started(String workoutId, String athleteId, Instant at, String sport, Instant startedAt)
            implements WorkoutFact {
    }

    /**
     * live-workout measured the workout in progress: its distance so far ({@code WorkoutUpdated} on
     * {@code workouts.workout-progress}).
     *
     * @param distanceDecimeters the distance covered so far, rounded as {@link Figures} rounds
     */
    record Progressed(String workoutId, String athleteId, Instant at, long distanceDecimeters)
            implements WorkoutFact {
    }

    /** The athlete changed the workout's sport. */
    record SportChanged(String workoutId, String athleteId, Instant at, String sport) implements WorkoutFact {
    }

    /** The workout was cancelled (or deleted): it never counts. */
    record Cancelled(String workoutId, String athleteId, Instant at) implements WorkoutFact {
    }
}
