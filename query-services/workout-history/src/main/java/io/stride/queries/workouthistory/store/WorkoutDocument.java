package io.stride.queries.workouthistory.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stride.queries.workouthistory.mapping.Split;

/**
 * A workout's read model in MongoDB ({@code workouts} collection, one document per workout): what WorkoutSummary,
 * WorkoutDetails (without the track) and WorkoutList show, the splits and best efforts computed from the track, and
 * the ids of the events applied to it (the projection's idempotency record). A mutable value: the projection folds
 * events into a copy and writes it back with the version it read.
 */
public final class WorkoutDocument {

    /** Lifecycle as the events tell it. */
    public enum Status { ACTIVE, PAUSED, COMPLETING, COMPLETED, CANCELLED }

    public String workoutId;
    public String userId;
    public String sport;
    public String title;
    public String notes;
    public String deviceModel;
    public String source;
    public Status status;
    public Instant startTime;
    public Instant endTime;
    public Integer durationSeconds;
    public Long movingTimeMillis;
    public Double distanceMeters;
    public Double caloriesKcal;
    public Double elevationGainMeters;
    public Double elevationLossMeters;
    public Integer avgHeartRateBpm;
    public Integer maxHeartRateBpm;
    public Double avgSpeedMetersPerSecond;
    public Double maxSpeedMetersPerSecond;
    public Integer avgCadenceRpm;
    public Integer avgPowerWatts;
    public List<Long> heartRateZoneMillis = new ArrayList<>();
    public boolean abandoned;
    public List<String> tags = new ArrayList<>();
    public List<Split> splits = new ArrayList<>();
    /** Fastest elapsed time per best-effort distance ({@code 1k}, {@code 5k}...), in milliseconds. */
    public Map<String, Long> bestEffortMillis = new LinkedHashMap<>();
    /** Points of the stored track (0: none). */
    public int trackPoints;
    /** Whether the track's points carry times. */
    public boolean trackTimed;
    /** When the track's coordinates expire (6 months after the end); null without a track. */
    public Instant trackExpiresAt;
    public List<String> appliedEventIds = new ArrayList<>();
    /** Number of events applied; the optimistic-concurrency and ClickHouse row version. */
    public long version;
    /** Event time of the latest applied event. */
    public Instant updatedAt;

    public WorkoutDocument() {
    }

    /** A new, empty read model of a workout. */
    public static WorkoutDocument of(String workoutId) {
        WorkoutDocument document = new WorkoutDocument();
        document.workoutId = workoutId;
        return document;
    }

    /** A deep copy. */
    public WorkoutDocument copy() {
        WorkoutDocument copy = new WorkoutDocument();
        copy.workoutId = workoutId;
        copy.userId = userId;
        copy.sport = sport;
        copy.title = title;
        copy.notes = notes;
        copy.deviceModel = deviceModel;
        copy.source = source;
        copy.status = status;
        copy.startTime = startTime;
        copy.endTime = endTime;
        copy.durationSeconds = durationSeconds;
        copy.movingTimeMillis = movingTimeMillis;
        copy.distanceMeters = distanceMeters;
        copy.caloriesKcal = caloriesKcal;
        copy.elevationGainMeters = elevationGainMeters;
        copy.elevationLossMeters = elevationLossMeters;
        copy.avgHeartRateBpm = avgHeartRateBpm;
        copy.maxHeartRateBpm = maxHeartRateBpm;
        copy.avgSpeedMetersPerSecond = avgSpeedMetersPerSecond;
        copy.maxSpeedMetersPerSecond = maxSpeedMetersPerSecond;
        copy.avgCadenceRpm = avgCadenceRpm;
        copy.avgPowerWatts = avgPowerWatts;
        copy.heartRateZoneMillis = new ArrayList<>(heartRateZoneMillis);
        copy.abandoned = abandoned;
        copy.tags = new ArrayList<>(tags);
        copy.splits = new ArrayList<>(splits);
        copy.bestEffortMillis = new LinkedHashMap<>(bestEffortMillis);
        copy.trackPoints = trackPoints;
        copy.trackTimed = trackTimed;
        copy.trackExpiresAt = trackExpiresAt;
        copy.appliedEventIds = new ArrayList<>(appliedEventIds);
        copy.version = version;
        copy.updatedAt = updatedAt;
        return copy;
    }

    /** Whether the workout counts in lists and statistics: finished and not cancelled. */
    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
