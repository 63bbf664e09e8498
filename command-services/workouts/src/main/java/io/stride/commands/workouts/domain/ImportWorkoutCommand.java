package io.stride.commands.workouts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A finished recording (GPX, TCX, FIT) becomes a workout in one go: started at its first point and its completion
 * requested at its last (live-workout answers with the figures of the imported samples).
 */
public record ImportWorkoutCommand(UUID userId, Sport sport, Instant startTime, Instant endTime, String title,
        String deviceModel) implements WorkoutCommand {
}
