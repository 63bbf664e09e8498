package io.stride.commands.workouts.domain;

/** Why live-workout finished a workout. */
public enum EndReason {
    /** A completion was requested. */
    COMPLETED,
    /** No sample arrived for live-workout's abandon-after. */
    ABANDONED
}
