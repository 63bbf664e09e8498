package io.stride.queries.workouthistory.store;

import java.time.Instant;
import java.util.List;

import io.stride.queries.workouthistory.mapping.TrackSample;

/**
 * A finished workout's track in MongoDB ({@code workout_tracks}, one document per workout): coordinates, altitude,
 * heart rate, distance and speed over time, stored as parallel arrays. It expires at {@code expiresAt}, 6 months after
 * the workout ended (the architecture document's data policy): a TTL index on real MongoDB, and the app's own purge
 * where TTL indexes do nothing (the local stand-in).
 *
 * @param startTime      origin of the samples' offsets: when the first sample was recorded
 * @param appliedEventId the {@code WorkoutCompleted} it came from
 */
public record TrackDocument(String workoutId, String userId, Instant startTime, Instant expiresAt,
        List<TrackSample> samples, boolean timed, String appliedEventId) {

    public TrackDocument {
        samples = List.copyOf(samples);
    }
}
