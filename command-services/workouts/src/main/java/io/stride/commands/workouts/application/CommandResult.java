package io.stride.commands.workouts.application;

import java.util.UUID;

import io.stride.commands.workouts.domain.WorkoutError;
import io.stride.commands.workouts.domain.WorkoutStatus;

/** How a command ended. Only {@link Applied} appended anything. */
public sealed interface CommandResult {

    /**
     * Done: the workout's state after the command ({@code replayed}: answered from the first request with the same
     * idempotency key, nothing appended now).
     */
    record Applied(WorkoutSnapshot state, int appended, boolean replayed) implements CommandResult {
    }

    /** The aggregate refused the command. */
    record Refused(WorkoutError error) implements CommandResult {
    }

    /** No such workout for this caller (never started, or someone else's). */
    record NotFound(UUID workoutId) implements CommandResult {
    }

    /** The caller decided on another version than the current one, or lost a race to another command. */
    record VersionConflict(Long expectedVersion, long currentVersion, WorkoutStatus status) implements CommandResult {
    }

    /** The idempotency key was sent before with another request. */
    record KeyReused() implements CommandResult {
    }

    /** The request with this idempotency key is still running. */
    record KeyInFlight() implements CommandResult {
    }
}
