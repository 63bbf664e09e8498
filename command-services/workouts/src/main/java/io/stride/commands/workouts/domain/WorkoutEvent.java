package io.stride.commands.workouts.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a workout: the aggregate's events, stored in the event store in version order and published
 * (ADR 0013). Each names its workout, the athlete who owns it and when it happened (event time).
 */
public sealed interface WorkoutEvent {

    /** Unique id; consumers deduplicate on it. */
    UUID eventId();

    UUID workoutId();

    /** The athlete who owns the workout. */
    UUID userId();

    /** When it happened (event time). */
    Instant occurredAt();

    /** The type name, as in the contracts ({@code WorkoutStarted}, …). */
    default String type() {
        return switch (this) {
            case Started started -> "WorkoutStarted";
            case Updated updated -> "WorkoutUpdated";
            case Paused paused -> "WorkoutPaused";
            case Resumed resumed -> "WorkoutResumed";
            case CompletionRequested requested -> "WorkoutCompletionRequested";
            case Completed completed -> "WorkoutCompleted";
            case Cancelled cancelled -> "WorkoutCancelled";
            case TagAdded tagged -> "WorkoutTagAdded";
        };
    }

    /** The workout began at {@code startTime} ({@code occurredAt}); it belongs to {@code userId}. */
    record Started(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, Sport sport, Instant startTime,
            GeoPosition location, String deviceModel, Source source, String title) implements WorkoutEvent {
    }

    /**
     * The athlete edited the workout (UpdateWorkout): the changed fields are set, the others null; the figures are the
     * workout's current ones (its final figures once completed, none before: live progress is live-workout's).
     */
    record Updated(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, Sport sport, String title,
            String notes, double distanceMeters, Integer avgHeartRateBpm) implements WorkoutEvent {
    }

    /** Paused at {@code occurredAt}. */
    record Paused(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, Source source)
            implements WorkoutEvent {
    }

    /** Resumed at {@code occurredAt}. */
    record Resumed(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, Source source)
            implements WorkoutEvent {
    }

    /** The end was asked for at {@code occurredAt}, ending at {@code endTime}; live-workout answers with figures. */
    record CompletionRequested(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, Instant endTime,
            Source requestedBy) implements WorkoutEvent {
    }

    /**
     * The workout finished with live-workout's final figures: the document's payload (end time, duration, distance,
     * calories, route) is taken from them, never computed a second time.
     */
    record Completed(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, Instant endTime,
            int durationSeconds, double distanceMeters, double caloriesBurned, List<GeoPosition> routeCoordinates,
            Sport sport, Instant startTime, boolean abandoned, Source source, FinalFigures figures)
            implements WorkoutEvent {

        public Completed {
            routeCoordinates = routeCoordinates == null ? List.of() : List.copyOf(routeCoordinates);
        }
    }

    /** Cancelled at {@code occurredAt}: it does not count. */
    record Cancelled(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, String reason, Source source)
            implements WorkoutEvent {
    }

    /** A tag (normalised, see {@link Tags}) was added. */
    record TagAdded(UUID eventId, UUID workoutId, UUID userId, Instant occurredAt, String tag)
            implements WorkoutEvent {
    }
}
