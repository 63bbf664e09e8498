package io.stride.commands.workouts.domain;

import java.time.Instant;

/** Ask for the end of a running workout at {@code endTime} (null: now); live-workout answers with the figures. */
public record CompleteWorkoutCommand(Instant endTime, Source source) implements WorkoutCommand {
}
