package io.stride.commands.workouts.domain;

import java.util.UUID;

/** Why a command was refused. Nothing is appended. */
public sealed interface WorkoutError {

    /** The workout was never started. */
    record NotStarted(UUID workoutId) implements WorkoutError {
    }

    /** A workout with this id exists already. */
    record AlreadyStarted(UUID workoutId, WorkoutStatus status, long version) implements WorkoutError {
    }

    /** The command is impossible in the workout's status (pausing twice, completing a cancelled workout). */
    record InvalidTransition(String command, WorkoutStatus status, long version) implements WorkoutError {
    }

    /** A time that contradicts the workout's history (a pause before the start, an end before the last resume). */
    record InvalidTime(String field, String message, WorkoutStatus status, long version) implements WorkoutError {
    }

    /**
     * Final figures of another athlete than the workout's owner (live-workout held the workout for someone else: its
     * samples came first there, ADR 0012): they never complete this athlete's workout.
     */
    record ForeignFigures(UUID workoutId, UUID figuresOf, WorkoutStatus status, long version) implements WorkoutError {
    }

    /** The workout has the most tags it may have. */
    record TagLimitReached(int limit, long version) implements WorkoutError {
    }
}
