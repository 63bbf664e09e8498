package io.stride.commands.workouts.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of the event store {@code workouts.workout_events}: one event of one workout, at its version. */
@Entity
@Table(schema = "workouts", name = "workout_events")
@IdClass(WorkoutEventEntity.Key.class)
public class WorkoutEventEntity {

    @Id
    @Column(name = "workout_id")
    private UUID workoutId;
    @Id
    private int version;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "payload_version")
    private int payloadVersion;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    /** The domain event as JSON ({@link EventCodec}). */
    private String payload;

    public UUID getWorkoutId() {
        return workoutId;
    }

    public void setWorkoutId(UUID workoutId) {
        this.workoutId = workoutId;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public UUID getEventId() {
        return eventId;
    }

    public void setEventId(UUID eventId) {
        this.eventId = eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public int getPayloadVersion() {
        return payloadVersion;
    }

    public void setPayloadVersion(int payloadVersion) {
        this.payloadVersion = payloadVersion;
    }

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public void setRecordedAt(Instant recordedAt) {
        this.recordedAt = recordedAt;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    /** The primary key: workout and version. */
    public static class Key implements Serializable {

        private UUID workoutId;
        private int version;

        public Key() {
        }

        public Key(UUID workoutId, int version) {
            this.workoutId = workoutId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(workoutId, key.workoutId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workoutId, version);
        }
    }
}
