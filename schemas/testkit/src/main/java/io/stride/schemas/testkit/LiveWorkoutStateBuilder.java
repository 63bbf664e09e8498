package io.stride.schemas.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.stride.schemas.common.GeoPoint;
import io.stride.schemas.live.LiveWorkoutState;

/**
 * Builds a {@link LiveWorkoutState}. Defaults: random workout and user ids; started at
 * {@link EventBuilders#WORKOUT_START}; 300 samples up to sequence 300, the last recorded 5 minutes in on Red Square
 * at 140 bpm and 2.8 m/s; 850 m; updated 300 ms after the last sample (unless {@link #updatedAt(Instant)} says
 * otherwise).
 */
public final class LiveWorkoutStateBuilder {

    /** How long after the last sample the state is updated, unless {@link #updatedAt(Instant)} says otherwise. */
    public static final Duration DEFAULT_UPDATE_DELAY = Duration.ofMillis(300);

    private UUID workoutId = UUID.randomUUID();
    private UUID userId = UUID.randomUUID();
    private long sampleCount = 300;
    private long lastSequenceNumber = 300;
    private Instant startedAt = EventBuilders.WORKOUT_START;
    private Instant lastRecordedAt = EventBuilders.WORKOUT_START.plusSeconds(5 * 60);
    private GeoPoint lastPosition =
            EventBuilders.point(EventBuilders.MOSCOW_LATITUDE, EventBuilders.MOSCOW_LONGITUDE);
    private double distanceMeters = 850.0;
    private Integer lastHeartRateBpm = EventBuilders.DEFAULT_HEART_RATE_BPM;
    private Double lastSpeedMetersPerSecond = 2.8;
    private Instant updatedAt;

    LiveWorkoutStateBuilder() {
    }

    /** The workout, which is also the record key. */
    public LiveWorkoutStateBuilder workoutId(UUID workoutId) {
        this.workoutId = workoutId;
        return this;
    }

    /** The athlete. */
    public LiveWorkoutStateBuilder userId(UUID userId) {
        this.userId = userId;
        return this;
    }

    /** Workout and athlete at once. */
    public LiveWorkoutStateBuilder forWorkout(UUID workoutId, UUID userId) {
        return workoutId(workoutId).userId(userId);
    }

    /** Samples applied so far. */
    public LiveWorkoutStateBuilder sampleCount(long sampleCount) {
        this.sampleCount = sampleCount;
        return this;
    }

    /** Highest sequence number applied. */
    public LiveWorkoutStateBuilder lastSequenceNumber(long lastSequenceNumber) {
        this.lastSequenceNumber = lastSequenceNumber;
        return this;
    }

    /** Event time of the first sample. */
    public LiveWorkoutStateBuilder startedAt(Instant startedAt) {
        this.startedAt = startedAt;
        return this;
    }

    /** Event time of the latest sample. */
    public LiveWorkoutStateBuilder lastRecordedAt(Instant lastRecordedAt) {
        this.lastRecordedAt = lastRecordedAt;
        return this;
    }

    /** Latest known position. */
    public LiveWorkoutStateBuilder lastPosition(double latitude, double longitude) {
        this.lastPosition = EventBuilders.point(latitude, longitude);
        return this;
    }

    /** No known position. */
    public LiveWorkoutStateBuilder noPosition() {
        this.lastPosition = null;
        return this;
    }

    /** Distance covered so far in metres. */
    public LiveWorkoutStateBuilder distanceMeters(double distanceMeters) {
        this.distanceMeters = distanceMeters;
        return this;
    }

    /** Latest heart rate in bpm, or {@code null}. */
    public LiveWorkoutStateBuilder lastHeartRateBpm(Integer lastHeartRateBpm) {
        this.lastHeartRateBpm = lastHeartRateBpm;
        return this;
    }

    /** Latest speed in m/s, or {@code null}. */
    public LiveWorkoutStateBuilder lastSpeedMetersPerSecond(Double lastSpeedMetersPerSecond) {
        this.lastSpeedMetersPerSecond = lastSpeedMetersPerSecond;
        return this;
    }

    /** Wall-clock time the state was last updated. */
    public LiveWorkoutStateBuilder updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    /** The state. */
    public LiveWorkoutState build() {
        return LiveWorkoutState.newBuilder()
                .setWorkoutId(workoutId)
                .setUserId(userId)
                .setSampleCount(sampleCount)
                .setLastSequenceNumber(lastSequenceNumber)
                .setStartedAt(startedAt)
                .setLastRecordedAt(lastRecordedAt)
                .setLastPosition(lastPosition == null ? null : GeoPoint.newBuilder(lastPosition).build())
                .setDistanceMeters(distanceMeters)
                .setLastHeartRateBpm(lastHeartRateBpm)
                .setLastSpeedMetersPerSecond(lastSpeedMetersPerSecond)
                .setUpdatedAt(updatedAt != null ? updatedAt : lastRecordedAt.plus(DEFAULT_UPDATE_DELAY))
                .build();
    }
}
