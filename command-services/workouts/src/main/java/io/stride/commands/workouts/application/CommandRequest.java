package io.stride.commands.workouts.application;

import java.util.UUID;

import io.stride.commands.workouts.domain.WorkoutCommand;

/**
 * One command on one workout.
 *
 * @param actor           who asks
 * @param workoutId       the workout
 * @param command         what
 * @param expectedVersion the version the caller decided on ({@code If-Match}); null: any
 * @param idempotency     the client's idempotency key; null for commands from Kafka (idempotent by state)
 */
public record CommandRequest(Actor actor, UUID workoutId, WorkoutCommand command, Long expectedVersion,
        IdempotentRequest idempotency) {
}
