package io.stride.commands.workouts.domain;

import java.util.UUID;

/**
 * live-workout's final figures for the workout (its last {@code WorkoutUpdated}): completes a workout whose completion
 * was requested, finishes an abandoned one, starts and completes one never seen; changes nothing on a finished one.
 *
 * @param userId  the athlete live-workout holds the workout for
 * @param figures the final figures and the track
 */
public record RecordFinalFiguresCommand(UUID userId, FinalFigures figures) implements WorkoutCommand {
}
