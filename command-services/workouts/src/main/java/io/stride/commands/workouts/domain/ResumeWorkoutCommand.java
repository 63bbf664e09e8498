package io.stride.commands.workouts.domain;

import java.time.Instant;

/** Resume a paused workout at {@code at} (null: now). */
public record ResumeWorkoutCommand(Instant at, Source source) implements WorkoutCommand {
}
