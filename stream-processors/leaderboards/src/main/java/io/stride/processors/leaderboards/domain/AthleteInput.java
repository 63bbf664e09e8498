package io.stride.processors.leaderboards.domain;

import io.stride.platform.workoutfacts.WorkoutFact;

/** What the boards of one athlete change on, all keyed by athlete id in one task (ADR 0016). */
public sealed interface AthleteInput {

    /** A fact of one of the athlete's workouts. */
    record Fact(WorkoutFact fact) implements AthleteInput {
    }

    /**
     * The athlete's time zone, from their metrics: their workouts count in this zone's days, weeks, months and years.
     *
     * @param zoneId an id {@link java.time.ZoneId#of} knows
     */
    record ZoneChanged(String zoneId) implements AthleteInput {
    }

    /**
     * What others may see of the athlete, from their public profile: a hidden athlete leaves every board (their
     * totals are kept, and come back with them).
     *
     * @param displayName the name boards show, or null
     * @param hidden the athlete hides from public boards
     */
    record ProfileChanged(String displayName, boolean hidden) implements AthleteInput {
    }

    /** The athlete exercised the right to erasure: they leave every board, for good. */
    record Erased() implements AthleteInput {
    }
}
