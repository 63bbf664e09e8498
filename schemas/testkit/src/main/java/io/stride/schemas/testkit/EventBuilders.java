package io.stride.schemas.testkit;

import java.time.Instant;

import io.stride.schemas.common.GeoPoint;

/**
 * Entry point of the test builders: one {@code a<Record>()} per contract record, each pre-filled with sensible
 * values (random ids, a workout that starts at {@link #WORKOUT_START} in Moscow, heart rate 140 bpm...) so a test
 * sets only what it is about:
 * <pre>
 * import static io.stride.schemas.testkit.EventBuilders.aTelemetrySample;
 * import static io.stride.schemas.testkit.EventBuilders.aWorkoutStarted;
 *
 * var started = aWorkoutStarted().workoutId(workoutId).at(t0).build();
 * var sample = aTelemetrySample().workoutId(workoutId).sequenceNumber(7).heartRateBpm(172).build();
 * </pre>
 * Builders are mutable and not thread-safe; {@code build()} may be called repeatedly and returns a new record each
 * time.
 */
public final class EventBuilders {

    /** When default workouts start: 2025-06-01T06:00:00Z, a Sunday morning run. Event defaults follow it. */
    public static final Instant WORKOUT_START = Instant.parse("2025-06-01T06:00:00Z");

    /** Latitude of the default position, Red Square, Moscow. */
    public static final double MOSCOW_LATITUDE = 55.7539;

    /** Longitude of the default position, Red Square, Moscow. */
    public static final double MOSCOW_LONGITUDE = 37.6208;

    /** Default heart rate of samples and live state, in beats per minute. */
    public static final int DEFAULT_HEART_RATE_BPM = 140;

    private EventBuilders() {
    }

    /** A telemetry sample: sequence 1 at {@link #WORKOUT_START}, in Moscow, 140 bpm, running pace. */
    public static TelemetrySampleBuilder aTelemetrySample() {
        return new TelemetrySampleBuilder();
    }

    /** A running workout started at {@link #WORKOUT_START} in Moscow. */
    public static WorkoutStartedBuilder aWorkoutStarted() {
        return new WorkoutStartedBuilder();
    }

    /** Live figures of a workout 5 minutes in. */
    public static WorkoutUpdatedBuilder aWorkoutUpdated() {
        return new WorkoutUpdatedBuilder();
    }

    /** A pause 10 minutes into the workout. */
    public static WorkoutPausedBuilder aWorkoutPaused() {
        return new WorkoutPausedBuilder();
    }

    /** A resume 12 minutes into the workout. */
    public static WorkoutResumedBuilder aWorkoutResumed() {
        return new WorkoutResumedBuilder();
    }

    /** A workout completed 45 minutes after {@link #WORKOUT_START}: 7.5 km, 2,700 s, 520 kcal. */
    public static WorkoutCompletedBuilder aWorkoutCompleted() {
        return new WorkoutCompletedBuilder();
    }

    /** A completion request; see {@link WorkoutCompletionRequestedBuilder} for defaults. */
    public static WorkoutCompletionRequestedBuilder aWorkoutCompletionRequested() {
        return new WorkoutCompletionRequestedBuilder();
    }

    /** A workout cancelled 5 minutes in, without a reason. */
    public static WorkoutCancelledBuilder aWorkoutCancelled() {
        return new WorkoutCancelledBuilder();
    }

    /** The tag "morning" added to a workout. */
    public static WorkoutTagAddedBuilder aWorkoutTagAdded() {
        return new WorkoutTagAddedBuilder();
    }

    /** A weekly distance goal of 20 km reached with 21 km, by a workout. */
    public static GoalAchievedBuilder aGoalAchieved() {
        return new GoalAchievedBuilder();
    }

    /** Body metrics of an athlete born in 1990: max 190 bpm, resting 55 bpm, 70 kg, 178 cm. */
    public static UserMetricsUpdatedBuilder aUserMetricsUpdated() {
        return new UserMetricsUpdatedBuilder();
    }

    /** The live state of a workout 5 minutes in: 300 samples, 850 m, last position in Moscow at 140 bpm. */
    public static LiveWorkoutStateBuilder aLiveWorkoutState() {
        return new LiveWorkoutStateBuilder();
    }

    /** A position. */
    public static GeoPoint point(double latitude, double longitude) {
        return GeoPoint.newBuilder()
                .setLatitude(latitude)
                .setLongitude(longitude)
                .build();
    }
}
