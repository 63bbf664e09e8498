package io.stride.schemas.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.stride.schemas.telemetry.TelemetrySample;

/**
 * Builds a {@link TelemetrySample}. Defaults: random device, workout and user ids; sequence 1 recorded at
 * {@link EventBuilders#WORKOUT_START} and received 250 ms later; Red Square at 156 m, 5 m accuracy; 140 bpm,
 * 2.8 m/s, cadence 170; no power meter. {@link #next()} gives the following sample of the same device.
 */
public final class TelemetrySampleBuilder {

    /** How long after the reading the gateway accepts it, unless {@link #receivedAt(Instant)} says otherwise. */
    public static final Duration DEFAULT_RECEIVE_DELAY = Duration.ofMillis(250);

    private String deviceId = "device-" + UUID.randomUUID().toString().substring(0, 8);
    private UUID workoutId = UUID.randomUUID();
    private UUID userId = UUID.randomUUID();
    private long sequenceNumber = 1;
    private Instant recordedAt = EventBuilders.WORKOUT_START;
    private Instant receivedAt;
    private boolean receivedAtSet;
    private Double latitude = EventBuilders.MOSCOW_LATITUDE;
    private Double longitude = EventBuilders.MOSCOW_LONGITUDE;
    private Double altitudeMeters = 156.0;
    private Double accuracyMeters = 5.0;
    private Integer heartRateBpm = EventBuilders.DEFAULT_HEART_RATE_BPM;
    private Double speedMetersPerSecond = 2.8;
    private Integer cadenceRpm = 170;
    private Integer powerWatts;

    TelemetrySampleBuilder() {
    }

    /** The wearable's own id (not a uuid). */
    public TelemetrySampleBuilder deviceId(String deviceId) {
        this.deviceId = deviceId;
        return this;
    }

    /** The workout, which is also the record key. */
    public TelemetrySampleBuilder workoutId(UUID workoutId) {
        this.workoutId = workoutId;
        return this;
    }

    /** The athlete. */
    public TelemetrySampleBuilder userId(UUID userId) {
        this.userId = userId;
        return this;
    }

    /** Workout and athlete at once, e.g. those of a {@code WorkoutStarted}. */
    public TelemetrySampleBuilder forWorkout(UUID workoutId, UUID userId) {
        return workoutId(workoutId).userId(userId);
    }

    /** The per-device sequence number. */
    public TelemetrySampleBuilder sequenceNumber(long sequenceNumber) {
        this.sequenceNumber = sequenceNumber;
        return this;
    }

    /** When the device took the reading (event time); received 250 ms later unless set. */
    public TelemetrySampleBuilder at(Instant recordedAt) {
        this.recordedAt = recordedAt;
        return this;
    }

    /** When the gateway accepted the sample; {@code null} for a sample not yet through the gateway. */
    public TelemetrySampleBuilder receivedAt(Instant receivedAt) {
        this.receivedAt = receivedAt;
        this.receivedAtSet = true;
        return this;
    }

    /** The position fix. */
    public TelemetrySampleBuilder position(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
        return this;
    }

    /** No position fix (latitude, longitude, altitude and accuracy null), e.g. indoors. */
    public TelemetrySampleBuilder noPosition() {
        this.latitude = null;
        this.longitude = null;
        this.altitudeMeters = null;
        this.accuracyMeters = null;
        return this;
    }

    /** Altitude in metres, or {@code null}. */
    public TelemetrySampleBuilder altitudeMeters(Double altitudeMeters) {
        this.altitudeMeters = altitudeMeters;
        return this;
    }

    /** Horizontal accuracy in metres, or {@code null}. */
    public TelemetrySampleBuilder accuracyMeters(Double accuracyMeters) {
        this.accuracyMeters = accuracyMeters;
        return this;
    }

    /** Heart rate in bpm, or {@code null} for a device without a heart-rate sensor. */
    public TelemetrySampleBuilder heartRateBpm(Integer heartRateBpm) {
        this.heartRateBpm = heartRateBpm;
        return this;
    }

    /** Speed in m/s, or {@code null}. */
    public TelemetrySampleBuilder speedMetersPerSecond(Double speedMetersPerSecond) {
        this.speedMetersPerSecond = speedMetersPerSecond;
        return this;
    }

    /** Cadence in rpm, or {@code null}. */
    public TelemetrySampleBuilder cadenceRpm(Integer cadenceRpm) {
        this.cadenceRpm = cadenceRpm;
        return this;
    }

    /** Power in watts, or {@code null}. */
    public TelemetrySampleBuilder powerWatts(Integer powerWatts) {
        this.powerWatts = powerWatts;
        return this;
    }

    /**
     * A new builder for the next sample of the same device and workout: sequence number + 1, recorded one second
     * later, received {@link #DEFAULT_RECEIVE_DELAY} after that; sensors keep their values. This builder is
     * unchanged.
     */
    public TelemetrySampleBuilder next() {
        var next = new TelemetrySampleBuilder();
        next.deviceId = deviceId;
        next.workoutId = workoutId;
        next.userId = userId;
        next.sequenceNumber = sequenceNumber + 1;
        next.recordedAt = recordedAt.plusSeconds(1);
        next.latitude = latitude;
        next.longitude = longitude;
        next.altitudeMeters = altitudeMeters;
        next.accuracyMeters = accuracyMeters;
        next.heartRateBpm = heartRateBpm;
        next.speedMetersPerSecond = speedMetersPerSecond;
        next.cadenceRpm = cadenceRpm;
        next.powerWatts = powerWatts;
        return next;
    }

    /** The sample. */
    public TelemetrySample build() {
        return TelemetrySample.newBuilder()
                .setDeviceId(deviceId)
                .setWorkoutId(workoutId)
                .setUserId(userId)
                .setSequenceNumber(sequenceNumber)
                .setRecordedAt(recordedAt)
                .setReceivedAt(receivedAtSet ? receivedAt : recordedAt.plus(DEFAULT_RECEIVE_DELAY))
                .setLatitude(latitude)
                .setLongitude(longitude)
                .setAltitudeMeters(altitudeMeters)
                .setAccuracyMeters(accuracyMeters)
                .setHeartRateBpm(heartRateBpm)
                .setSpeedMetersPerSecond(speedMetersPerSecond)
                .setCadenceRpm(cadenceRpm)
                .setPowerWatts(powerWatts)
                .build();
    }
}
