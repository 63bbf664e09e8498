package io.stride.commands.workouts.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Start a workout for its athlete.
 *
 * @param userId      the athlete who will own it
 * @param sport       kind of activity
 * @param startTime   when it started; null: now
 * @param location    where, if known
 * @param deviceModel the recording device's model, if known
 * @param title       the athlete's title, if any
 * @param source      who starts it: the app, the device, live-workout's claim of a streaming device's workout
 */
public record StartWorkoutCommand(UUID userId, Sport sport, Instant startTime, GeoPosition location,
        String deviceModel, String title, Source source) implements WorkoutCommand {
}
