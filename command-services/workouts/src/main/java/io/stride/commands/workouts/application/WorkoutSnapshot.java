package io.stride.commands.workouts.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.stride.commands.workouts.domain.FinalFigures;
import io.stride.commands.workouts.domain.Source;
import io.stride.commands.workouts.domain.Sport;
import io.stride.commands.workouts.domain.Workout;
import io.stride.commands.workouts.domain.WorkoutStatus;

/**
 * A workout's state at one version, as answered to its athlete (and stored as the outcome of an idempotent request).
 * The figures are live-workout's final ones, once completed; the track stays with the events.
 */
public record WorkoutSnapshot(UUID workoutId, UUID userId, WorkoutStatus status, long version, Sport sport,
        String title, String notes, List<String> tags, Instant startTime, Source startedBy, String deviceModel,
        Instant requestedEndTime, Source completionRequestedBy, Instant endTime, Source completedBy,
        boolean abandoned, Figures figures) {

    /**
     * The final figures in short.
     *
     * @param durationSeconds elapsed time, manual pauses excluded
     * @param movingSeconds   time in motion
     * @param distanceMeters  total distance
     * @param caloriesBurned  kilocalories
     * @param avgHeartRateBpm mean heart rate
     * @param maxHeartRateBpm highest heart rate
     * @param routePoints     positions of the route
     */
    public record Figures(int durationSeconds, long movingSeconds, double distanceMeters, double caloriesBurned,
            Integer avgHeartRateBpm, Integer maxHeartRateBpm, int routePoints) {

        static Figures of(FinalFigures figures) {
            return figures == null ? null : new Figures(figures.durationSeconds(), figures.movingTimeMillis() / 1000,
                    figures.distanceMeters(), figures.caloriesKcal() != null ? figures.caloriesKcal() : 0.0,
                    figures.avgHeartRateBpm(), figures.maxHeartRateBpm(), figures.route().size());
        }
    }

    public WorkoutSnapshot {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The state of a workout that exists. */
    public static WorkoutSnapshot of(Workout workout) {
        return new WorkoutSnapshot(workout.id(), workout.userId(), workout.status(), workout.version(),
                workout.sport(), workout.title(), workout.notes(), workout.tags(), workout.startTime(),
                workout.startedBy(), workout.deviceModel(), workout.requestedEndTime(),
                workout.completionRequestedBy(), workout.endTime(), workout.completedBy(), workout.abandoned(),
                Figures.of(workout.figures()));
    }
}
