package io.stride.queries.workouthistory.mapping;

import java.time.Instant;
import java.util.List;

/**
 * An event of the Workout aggregate as this service uses it, mapped from the contract records at the edge. Every
 * event names its id (the deduplication key), its workout, its athlete and when it happened.
 */
public sealed interface WorkoutEvent {

    String eventId();

    String workoutId();

    String userId();

    Instant occurredAt();

    /** The workout began. */
    record Started(String eventId, String workoutId, String userId, Instant occurredAt, String sport,
            Instant startTime, String title, String deviceModel, String source) implements WorkoutEvent {
    }

    /** The athlete edited sport, title or notes ({@code WorkoutUpdated} with source ATHLETE); null: unchanged. */
    record Edited(String eventId, String workoutId, String userId, Instant occurredAt, String sport, String title,
            String notes) implements WorkoutEvent {
    }

    /** The athlete paused. */
    record Paused(String eventId, String workoutId, String userId, Instant occurredAt) implements WorkoutEvent {
    }

    /** The athlete resumed. */
    record Resumed(String eventId, String workoutId, String userId, Instant occurredAt) implements WorkoutEvent {
    }

    /** The end was asked for; live-workout's final figures follow. */
    record CompletionRequested(String eventId, String workoutId, String userId, Instant occurredAt)
            implements WorkoutEvent {
    }

    /** The workout finished, with its final figures and track. */
    record Completed(String eventId, String workoutId, String userId, Instant occurredAt, Instant endTime,
            int durationSeconds, double distanceMeters, double caloriesKcal, String sport, Instant startTime,
            boolean abandoned, String source, Figures figures) implements WorkoutEvent {
    }

    /** The workout was cancelled and does not count. */
    record Cancelled(String eventId, String workoutId, String userId, Instant occurredAt) implements WorkoutEvent {
    }

    /** A tag was added. */
    record TagAdded(String eventId, String workoutId, String userId, Instant occurredAt, String tag)
            implements WorkoutEvent {
    }

    /**
     * The final figures live-workout computed ({@code FinalFigures}); what the workout did not measure is null. A
     * completion without figures (an old record) carries only the route's positions as its track, without times.
     *
     * @param startedAt when the first sample was recorded: the origin of the track's offsets (null: the start)
     * @param timed     whether the track's points carry times
     */
    record Figures(Instant startedAt, Long movingTimeMillis, Double elevationGainMeters, Double elevationLossMeters,
            Integer avgHeartRateBpm, Integer maxHeartRateBpm, Double avgSpeedMetersPerSecond,
            Double maxSpeedMetersPerSecond, Integer avgCadenceRpm, Integer avgPowerWatts,
            List<Long> heartRateZoneMillis, List<TrackSample> track, boolean timed) {

        public Figures {
            heartRateZoneMillis = List.copyOf(heartRateZoneMillis);
            track = List.copyOf(track);
        }

        /** Nothing but a route without times. */
        public static Figures routeOnly(List<TrackSample> track) {
            return new Figures(null, null, null, null, null, null, null, null, null, null, List.of(), track, false);
        }
    }
}
