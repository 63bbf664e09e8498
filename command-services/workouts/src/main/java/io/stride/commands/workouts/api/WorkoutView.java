package io.stride.commands.workouts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.stride.commands.workouts.application.WorkoutSnapshot;

/**
 * A workout as answered (JSON, snake_case): its state at {@code version}, which is also its {@code ETag}.
 *
 * @param figures live-workout's final figures once completed (the full track is published with WorkoutCompleted)
 */
public record WorkoutView(UUID workoutId, UUID userId, String status, long version, String sport, String title,
        String notes, List<String> tags, Instant startTime, String startedBy, String deviceModel,
        Instant requestedEndTime, String completionRequestedBy, Instant endTime, String completedBy,
        boolean abandoned, Figures figures) {

    /** The final figures in short. */
    public record Figures(int durationSeconds, long movingSeconds, double distanceMeters, double caloriesBurned,
            Integer avgHeartRateBpm, Integer maxHeartRateBpm, int routePoints) {
    }

    static WorkoutView of(WorkoutSnapshot state) {
        WorkoutSnapshot.Figures figures = state.figures();
        return new WorkoutView(state.workoutId(), state.userId(), name(state.status()), state.version(),
                name(state.sport()), state.title(), state.notes(), state.tags(), state.startTime(),
                name(state.startedBy()), state.deviceModel(), state.requestedEndTime(),
                name(state.completionRequestedBy()), state.endTime(), name(state.completedBy()), state.abandoned(),
                figures == null ? null : new Figures(figures.durationSeconds(), figures.movingSeconds(),
                        figures.distanceMeters(), figures.caloriesBurned(), figures.avgHeartRateBpm(),
                        figures.maxHeartRateBpm(), figures.routePoints()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
