package io.stride.commands.workouts.domain;

import java.time.Instant;

/** Pause a running workout at {@code at} (null: now). */
public record PauseWorkoutCommand(Instant at, Source source) implements WorkoutCommand {
}
