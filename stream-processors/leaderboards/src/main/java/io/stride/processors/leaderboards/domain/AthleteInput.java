package io.stride.processors.leaderboards.domain;

/** What the boards of one athlete change on, all keyed by athlete id in one task (ADR 0016). */
public sealed interface AthleteInput permits WorkoutFact, AthleteInput.ZoneChanged, AthleteInput.Erased {

    /**
     * The athlete's time zone, from their metrics: their workouts count in this zone's days, weeks, months and years.
     *
     * @param zoneId an id {@link java.time.ZoneId#of} knows
     */
    record ZoneChanged(String zoneId) implements AthleteInput {
    }

    /** The athlete exercised the right to erasure: they leave every board, for good. */
    record Erased() implements AthleteInput {
    }
}
