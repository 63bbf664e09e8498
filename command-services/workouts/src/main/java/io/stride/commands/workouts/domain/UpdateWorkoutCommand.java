package io.stride.commands.workouts.domain;

/** The athlete's edit: each non-null field replaces the workout's. */
public record UpdateWorkoutCommand(Sport sport, String title, String notes) implements WorkoutCommand {
}
