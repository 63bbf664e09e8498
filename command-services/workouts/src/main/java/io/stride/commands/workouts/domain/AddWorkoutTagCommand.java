package io.stride.commands.workouts.domain;

/** Add a tag (normalised by {@link Tags#normalise}); a tag the workout already has changes nothing. */
public record AddWorkoutTagCommand(String tag) implements WorkoutCommand {
}
