package io.stride.queries.workouthistory.projection;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.stride.queries.workouthistory.mapping.TrackAnalysis;
import io.stride.queries.workouthistory.mapping.TrackSample;
import io.stride.queries.workouthistory.mapping.WorkoutEvent;
import io.stride.queries.workouthistory.store.TrackDocument;
import io.stride.queries.workouthistory.store.WorkoutDocument;
import io.stride.queries.workouthistory.store.WorkoutDocument.Status;

/**
 * Applies one Workout event to a workout's read model: pure, so re-delivery (the event id is already recorded) and a
 * replay from the first offset (the same events in the same order) give the same document. Events of another athlete
 * than the workout's owner change nothing (ADR 0012: the owner is the athlete of its first event).
 */
final class WorkoutFold {

    /** Length of a split. */
    static final double SPLIT_METERS = 1_000.0;

    private final Period coordinatesRetention;

    /** @param coordinatesRetention how long a track's coordinates are kept after the workout ended */
    WorkoutFold(Period coordinatesRetention) {
        this.coordinatesRetention = coordinatesRetention;
    }

    /** What applying one event did. */
    sealed interface Outcome {

        /** The event changed the read model; a completion also brings the track to store. */
        record Applied(WorkoutDocument document, TrackDocument track) implements Outcome {
        }

        /** Already applied (re-delivery or replay over an existing read model). */
        record Duplicate() implements Outcome {
        }

        /** Someone else's event for this workout: ignored and counted. */
        record Foreign() implements Outcome {
        }
    }

    /** Applies {@code event} to {@code current} (null: no read model yet); {@code current} is left unchanged. */
    Outcome apply(WorkoutDocument current, WorkoutEvent event) {
        if (current != null && current.appliedEventIds.contains(event.eventId())) {
            return new Outcome.Duplicate();
        }
        if (current != null && current.userId != null && !current.userId.equals(event.userId())) {
            return new Outcome.Foreign();
        }
        WorkoutDocument next = current == null ? WorkoutDocument.of(event.workoutId()) : current.copy();
        next.userId = event.userId();
        TrackDocument track = null;
        switch (event) {
            case WorkoutEvent.Started started -> {
                next.sport = started.sport();
                next.startTime = started.startTime();
                next.title = started.title() != null ? started.title() : next.title;
                next.deviceModel = started.deviceModel();
                next.source = started.source();
                if (next.status == null) {
                    next.status = Status.ACTIVE;
                }
            }
            case WorkoutEvent.Edited edited -> {
                next.sport = edited.sport() != null ? edited.sport() : next.sport;
                next.title = edited.title() != null ? edited.title() : next.title;
                next.notes = edited.notes() != null ? edited.notes() : next.notes;
            }
            case WorkoutEvent.Paused paused -> transition(next, Status.ACTIVE, Status.PAUSED);
            case WorkoutEvent.Resumed resumed -> transition(next, Status.PAUSED, Status.ACTIVE);
            case WorkoutEvent.CompletionRequested requested -> {
                transition(next, Status.ACTIVE, Status.COMPLETING);
                transition(next, Status.PAUSED, Status.COMPLETING);
            }
            case WorkoutEvent.Completed completed -> track = complete(next, completed);
            case WorkoutEvent.Cancelled cancelled -> next.status = Status.CANCELLED;
            case WorkoutEvent.TagAdded tagAdded -> {
                String tag = tagAdded.tag().strip();
                if (!tag.isEmpty() && !next.tags.contains(tag)) {
                    next.tags.add(tag);
                }
            }
        }
        next.appliedEventIds.add(event.eventId());
        next.version++;
        if (next.updatedAt == null || event.occurredAt().isAfter(next.updatedAt)) {
            next.updatedAt = event.occurredAt();
        }
        return new Outcome.Applied(next, track);
    }

    private static void transition(WorkoutDocument document, Status from, Status to) {
        if (document.status == from) {
            document.status = to;
        }
    }

    private TrackDocument complete(WorkoutDocument next, WorkoutEvent.Completed completed) {
        if (next.status != Status.CANCELLED) {
            next.status = Status.COMPLETED;
        }
        next.endTime = completed.endTime();
        next.durationSeconds = completed.durationSeconds();
        next.distanceMeters = completed.distanceMeters();
        next.caloriesKcal = completed.caloriesKcal();
        next.abandoned = completed.abandoned();
        if (completed.sport() != null) {
            next.sport = completed.sport();
        }
        if (completed.startTime() != null) {
            next.startTime = completed.startTime();
        } else if (next.startTime == null) {
            next.startTime = completed.endTime().minusSeconds(completed.durationSeconds());
        }
        if (next.source == null) {
            next.source = completed.source();
        }
        WorkoutEvent.Figures figures = completed.figures();
        next.movingTimeMillis = figures.movingTimeMillis();
        next.elevationGainMeters = figures.elevationGainMeters();
        next.elevationLossMeters = figures.elevationLossMeters();
        next.avgHeartRateBpm = figures.avgHeartRateBpm();
        next.maxHeartRateBpm = figures.maxHeartRateBpm();
        next.avgSpeedMetersPerSecond = figures.avgSpeedMetersPerSecond();
        next.maxSpeedMetersPerSecond = figures.maxSpeedMetersPerSecond();
        next.avgCadenceRpm = figures.avgCadenceRpm();
        next.avgPowerWatts = figures.avgPowerWatts();
        next.heartRateZoneMillis = new ArrayList<>(figures.heartRateZoneMillis());
        List<TrackSample> samples = figures.track();
        next.trackPoints = samples.size();
        next.trackTimed = figures.timed() && !samples.isEmpty();
        next.splits = new ArrayList<>(next.trackTimed
                ? TrackAnalysis.splits(samples, SPLIT_METERS) : List.of());
        next.bestEffortMillis = next.trackTimed ? TrackAnalysis.bestEfforts(samples) : new LinkedHashMap<>();
        if (samples.isEmpty()) {
            next.trackExpiresAt = null;
            return null;
        }
        // kept 6 months from when the platform recorded the workout: a recording imported years later keeps its route
        next.trackExpiresAt = expiry(completed.occurredAt().isAfter(completed.endTime()) ? completed.occurredAt()
                : completed.endTime());
        Instant origin = figures.startedAt() != null ? figures.startedAt() : next.startTime;
        return new TrackDocument(next.workoutId, next.userId, origin, next.trackExpiresAt, samples,
                next.trackTimed, completed.eventId());
    }

    /** When coordinates recorded (by the platform) at {@code end} expire: the retention later, by the calendar (UTC). */
    Instant expiry(Instant end) {
        return end.atZone(ZoneOffset.UTC).plus(coordinatesRetention).toInstant();
    }
}
