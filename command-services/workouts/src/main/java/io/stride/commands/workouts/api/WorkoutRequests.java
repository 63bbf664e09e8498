package io.stride.commands.workouts.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the workout commands (JSON, snake_case). */
final class WorkoutRequests {

    static final int TITLE_MAX = 200;
    static final int NOTES_MAX = 2_000;
    static final int DEVICE_MODEL_MAX = 100;
    static final int REASON_MAX = 500;
    /** A tag longer than this is refused before it is normalised (a longer one is never valid). */
    static final int TAG_MAX = 64;

    private WorkoutRequests() {
    }

    /** A position. */
    record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /**
     * StartWorkout. {@code workout_id}: the device's or app's own id for the workout (any UUID), else one is made;
     * {@code start_time}: now when absent.
     */
    record Start(UUID workoutId, @NotNull String sport, Instant startTime, @Valid Location location,
            @Size(max = DEVICE_MODEL_MAX) String deviceModel, @Size(max = TITLE_MAX) String title) {
    }

    /** A recording imported in one go: started at its first point, its completion requested at its last. */
    record Import(UUID workoutId, @NotNull String sport, @NotNull Instant startTime, @NotNull Instant endTime,
            @Size(max = DEVICE_MODEL_MAX) String deviceModel, @Size(max = TITLE_MAX) String title) {
    }

    /** UpdateWorkout: each field given replaces the workout's. */
    record Update(String sport, @Size(max = TITLE_MAX) String title, @Size(max = NOTES_MAX) String notes) {
    }

    /** PauseWorkout or ResumeWorkout: when (now when absent). */
    record Transition(Instant at) {
    }

    /** CompleteWorkout: when the workout ended (now when absent). */
    record Complete(Instant endTime) {
    }

    /** CancelWorkout. */
    record Cancel(@Size(max = REASON_MAX) String reason) {
    }

    /** Adding a tag. */
    record Tag(@NotNull @Size(min = 1, max = TAG_MAX) String tag) {
    }
}
