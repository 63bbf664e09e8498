package io.stride.commands.workouts.domain;

/** Where a workout is in its life (ADR 0013). */
public enum WorkoutStatus {
    /** Running: samples count, the athlete may pause, complete or cancel. */
    ACTIVE,
    /** Paused by the athlete or the device; the clock stops. */
    PAUSED,
    /** Completion asked for: live-workout's final figures are awaited. */
    COMPLETING,
    /** Finished with its final figures (or abandoned and finished by the platform). */
    COMPLETED,
    /** Cancelled: it does not count. */
    CANCELLED;

    /** Whether the workout still runs (active or paused). */
    public boolean running() {
        return this == ACTIVE || this == PAUSED;
    }
}
