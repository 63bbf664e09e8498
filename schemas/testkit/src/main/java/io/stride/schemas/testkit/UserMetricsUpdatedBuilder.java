package io.stride.schemas.testkit;

import java.time.Instant;
import java.util.UUID;

import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.users.UserMetricsUpdatedData;

/**
 * Builds a {@link UserMetricsUpdated}. Defaults: random event and user ids; max 190 bpm, resting 55 bpm, 70 kg,
 * 178 cm, born 1990; updated one day before {@link EventBuilders#WORKOUT_START}.
 */
public final class UserMetricsUpdatedBuilder {

    private UUID eventId = UUID.randomUUID();
    private UUID userId = UUID.randomUUID();
    private Integer maxHeartRateBpm = 190;
    private Integer restingHeartRateBpm = 55;
    private Double weightKg = 70.0;
    private Double heightCm = 178.0;
    private Integer birthYear = 1990;
    private String timeZone = "Europe/Lisbon";
    private Instant occurredAt = EventBuilders.WORKOUT_START.minusSeconds(24 * 60 * 60);

    UserMetricsUpdatedBuilder() {
    }

    /** The event id consumers deduplicate on. */
    public UserMetricsUpdatedBuilder eventId(UUID eventId) {
        this.eventId = eventId;
        return this;
    }

    /** The athlete, which is also the record key. */
    public UserMetricsUpdatedBuilder userId(UUID userId) {
        this.userId = userId;
        return this;
    }

    /** Maximum heart rate in bpm, or {@code null}. */
    public UserMetricsUpdatedBuilder maxHeartRateBpm(Integer maxHeartRateBpm) {
        this.maxHeartRateBpm = maxHeartRateBpm;
        return this;
    }

    /** Resting heart rate in bpm, or {@code null}. */
    public UserMetricsUpdatedBuilder restingHeartRateBpm(Integer restingHeartRateBpm) {
        this.restingHeartRateBpm = restingHeartRateBpm;
        return this;
    }

    /** Body weight in kilograms, or {@code null}. */
    public UserMetricsUpdatedBuilder weightKg(Double weightKg) {
        this.weightKg = weightKg;
        return this;
    }

    /** Height in centimetres, or {@code null}. */
    public UserMetricsUpdatedBuilder heightCm(Double heightCm) {
        this.heightCm = heightCm;
        return this;
    }

    /** Year of birth, or {@code null}. */
    public UserMetricsUpdatedBuilder birthYear(Integer birthYear) {
        this.birthYear = birthYear;
        return this;
    }

    /** IANA time zone, or {@code null}. */
    public UserMetricsUpdatedBuilder timeZone(String timeZone) {
        this.timeZone = timeZone;
        return this;
    }

    /** When the metrics changed (the envelope {@code timestamp}). */
    public UserMetricsUpdatedBuilder at(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    /** The event. */
    public UserMetricsUpdated build() {
        return UserMetricsUpdated.newBuilder()
                .setEventId(eventId)
                .setTimestamp(occurredAt)
                .setData(UserMetricsUpdatedData.newBuilder()
                        .setUserId(userId)
                        .setMaxHeartRateBpm(maxHeartRateBpm)
                        .setRestingHeartRateBpm(restingHeartRateBpm)
                        .setWeightKg(weightKg)
                        .setHeightCm(heightCm)
                        .setBirthYear(birthYear)
                        .setTimeZone(timeZone)
                        .build())
                .build();
    }
}
