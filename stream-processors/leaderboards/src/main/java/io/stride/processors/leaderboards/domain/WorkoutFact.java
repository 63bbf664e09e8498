package io.stride.processors.leaderboards.domain;

import java.time.Instant;

/**
 * What the boards learn from one Workout event, keyed by athlete after the repartition: every fact names its
 * workout, its athlete and its event time.
 */
public sealed interface WorkoutFact extends AthleteInput {

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

    /** The athlete changed the workout's sport. */
    record SportChanged(String workoutId, String athleteId, Instant at, String sport) implements WorkoutFact {
    }

    /** The workout was cancelled (or deleted): it never counts. */
    record Cancelled(String workoutId, String athleteId, Instant at) implements WorkoutFact {
    }
}
