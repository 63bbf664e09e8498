package io.stride.commands.workouts.domain;

/** Cancel a running workout; {@code reason} if the athlete said. */
public record CancelWorkoutCommand(String reason, Source source) implements WorkoutCommand {
}
