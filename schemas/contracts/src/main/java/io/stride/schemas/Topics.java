package io.stride.schemas;

import java.time.Duration;
import java.util.List;

/**
 * The catalogue of every Kafka topic of the platform. Topic names are used only through these constants; the local
 * devstack and the Kubernetes manifests create topics from {@link #catalogue()}.
 *
 * <p>Events and logs are kept 90 days (architecture document, data policies). Dead-letter topics keep the same
 * retention so a poison record can be inspected and replayed.
 */
public final class Topics {

    /** Retention of events, telemetry and logs: 90 days. */
    public static final Duration EVENT_RETENTION = Duration.ofDays(90);

    /**
     * Raw wearable telemetry accepted by the gateway. Key: workout id. Value: {@code TelemetrySampleBatch}, the
     * samples of one workout that one device sent together (at most
     * {@link #MAX_SAMPLES_PER_BATCH}). 12 partitions by workout id, so every sample of a workout is processed in order
     * by one task. Retention 90 days. Replaces {@code telemetry.device-samples}, which carried one
     * {@code TelemetrySample} per record (ADR 0009).
     */
    public static final String TELEMETRY_SAMPLE_BATCHES = "telemetry.sample-batches";

    /** The most samples one {@link #TELEMETRY_SAMPLE_BATCHES} record carries (some 50 KB of Avro). */
    public static final int MAX_SAMPLES_PER_BATCH = 500;

    /**
     * Telemetry records that could not be processed, with the reason in the {@code stride.dlq.reason} header: a
     * record that cannot be read or processed as its unchanged bytes; samples the live state cannot place (too
     * late, workout closed) as a {@code TelemetrySampleBatch} of those samples. 12 partitions. Retention 90 days.
     */
    public static final String TELEMETRY_SAMPLE_BATCHES_DLQ = TELEMETRY_SAMPLE_BATCHES + ".dlq";

    /**
     * The Workout aggregate's events ({@code WorkoutStarted}, {@code WorkoutUpdated}, {@code WorkoutPaused},
     * {@code WorkoutResumed}, {@code WorkoutCompletionRequested}, {@code WorkoutCompleted}, {@code WorkoutCancelled},
     * {@code WorkoutTagAdded}) from the workouts service, and live-workout's final {@code WorkoutUpdated}, the one
     * with the final figures (ADR 0013): a handful of records per workout, whatever its length.
     * Key: workout id. Value: one of the event records (schemas registered per record name). 12 partitions,
     * co-partitioned with {@link #TELEMETRY_SAMPLE_BATCHES}. Retention 90 days.
     */
    public static final String WORKOUT_EVENTS = "workouts.workout-events";

    /**
     * live-workout's progress {@code WorkoutUpdated} while a workout is live: at most one per 5 s of its event time or
     * 100 m, so hundreds per workout. Kept apart from {@link #WORKOUT_EVENTS} so that the consumers of a workout's
     * lifecycle (the workouts service, the history, leaderboards) do not read the live traffic; a consumer that follows
     * progress (goal notifications) reads this topic. Key: workout id. Value: {@code WorkoutUpdated}, sealed with the
     * athlete's telemetry key. 12 partitions, co-partitioned with {@link #WORKOUT_EVENTS}. Retention 90 days.
     */
    public static final String WORKOUT_PROGRESS = "workouts.workout-progress";

    /**
     * Progress updates that a consumer could not process, with the reason in the {@code stride.dlq.reason} header.
     * 12 partitions. Retention 90 days.
     */
    public static final String WORKOUT_PROGRESS_DLQ = WORKOUT_PROGRESS + ".dlq";

    /**
     * Workout events that could not be processed, with the reason in the {@code stride.dlq.reason} header.
     * 12 partitions. Retention 90 days.
     */
    public static final String WORKOUT_EVENTS_DLQ = WORKOUT_EVENTS + ".dlq";

    /**
     * Live state of workouts in progress, one latest value per workout. Key: workout id. Value:
     * {@code LiveWorkoutState}. 12 partitions. Compacted, and deleted after 90 days.
     */
    public static final String LIVE_WORKOUT_STATE = "workouts.live-state";

    /**
     * Live-state records that could not be processed, with the reason in the {@code stride.dlq.reason} header.
     * Key and value: as the source record, unchanged bytes. 12 partitions. Retention 90 days (not compacted, so
     * every poison record is kept).
     */
    public static final String LIVE_WORKOUT_STATE_DLQ = LIVE_WORKOUT_STATE + ".dlq";

    /**
     * The athlete each workout belongs to (ADR 0012), published by live-workout when it first sees the workout (its
     * first sample or its {@code WorkoutStarted}). Key: workout id. Value: {@code WorkoutOwner}; a tombstone releases
     * the entry when the closed workout is retired or its athlete erased. 12 partitions. Compacted, kept while the
     * entry lives. The telemetry gateway reads the whole topic to refuse samples aimed at someone else's workout.
     */
    public static final String WORKOUT_OWNERS = "workouts.workout-owners";

    /**
     * Workout owner records that could not be read, with the reason in the {@code stride.dlq.reason} header. Key and
     * value: as the source record, unchanged bytes. 12 partitions. Retention 90 days.
     */
    public static final String WORKOUT_OWNERS_DLQ = WORKOUT_OWNERS + ".dlq";

    /**
     * Goals athletes reached. Key: user id. Value: {@code GoalAchieved}. 6 partitions. Retention 90 days.
     */
    public static final String GOAL_ACHIEVEMENTS = "goals.goal-achievements";

    /**
     * Goal achievements that could not be processed, with the reason in the {@code stride.dlq.reason} header.
     * Key and value: as the source record, unchanged bytes. 6 partitions. Retention 90 days.
     */
    public static final String GOAL_ACHIEVEMENTS_DLQ = GOAL_ACHIEVEMENTS + ".dlq";

    /**
     * The goals athletes set, latest state per goal, published by the goals service. Key: goal id. Value:
     * {@code Goal}; a tombstone when the goal is deleted or its athlete erased. 6 partitions. Compacted, kept while the
     * goal exists.
     */
    public static final String GOALS = "goals.goals";

    /**
     * Goal records that could not be processed, with the reason in the {@code stride.dlq.reason} header. Key and
     * value: as the source record, unchanged bytes. 6 partitions. Retention 90 days.
     */
    public static final String GOALS_DLQ = GOALS + ".dlq";

    /**
     * Athletes' body metrics (max and resting heart rate, weight...), latest per athlete. Key: user id. Value:
     * {@code UserMetricsUpdated}; a tombstone erases the athlete. 6 partitions. Compacted, kept while the athlete
     * exists (user data is kept indefinitely).
     */
    public static final String USER_METRICS = "users.user-metrics";

    /**
     * User metrics records that could not be processed, with the reason in the {@code stride.dlq.reason} header.
     * Key and value: as the source record, unchanged bytes. 6 partitions. Retention 90 days (not compacted, so
     * every poison record is kept).
     */
    public static final String USER_METRICS_DLQ = USER_METRICS + ".dlq";

    /**
     * Wearables and their telemetry credentials, latest state per device, published by the users service. Key:
     * device id. Value: {@code DeviceCredential} (a revoked credential carries {@code revokedAt}); a tombstone
     * removes the device (the user erased it or was erased). 6 partitions. Compacted, kept while the device exists.
     * The telemetry gateway reads the whole topic to admit samples.
     */
    public static final String DEVICE_CREDENTIALS = "users.device-credentials";

    /**
     * Device credential records that could not be processed, with the reason in the {@code stride.dlq.reason}
     * header. Key and value: as the source record, unchanged bytes. 6 partitions. Retention 90 days.
     */
    public static final String DEVICE_CREDENTIALS_DLQ = DEVICE_CREDENTIALS + ".dlq";

    /**
     * Right-to-erasure events: every app deletes what it holds on the user. Key: user id. Value:
     * {@code UserErased}. 6 partitions. Compacted, kept forever: an app rebuilding its state from the 90-day topics
     * must still see every erasure (the value holds only the user id).
     */
    public static final String USER_ERASURES = "users.user-erasures";

    /**
     * Erasure records that could not be processed, with the reason in the {@code stride.dlq.reason} header. Key and
     * value: as the source record, unchanged bytes. 6 partitions. Retention 90 days.
     */
    public static final String USER_ERASURES_DLQ = USER_ERASURES + ".dlq";

    /**
     * Each user's telemetry key, which seals the user's records on {@link #TELEMETRY_SAMPLE_BATCHES},
     * {@link #WORKOUT_EVENTS}, {@link #WORKOUT_PROGRESS} and their dead-letter topics (ADR 0010), published by the
     * users service. Key: user id. Value: {@code TelemetryKey} (the keyset, wrapped by the platform's key-encryption
     * key); a tombstone shreds the key when the user is erased. 6 partitions. Compacted, kept while the user exists. The gateway (to seal) and
     * live-workout (to open) read the whole topic.
     */
    public static final String TELEMETRY_KEYS = "users.telemetry-keys";

    /**
     * Telemetry key records that could not be read, with the reason in the {@code stride.dlq.reason} header. Key and
     * value: as the source record, unchanged bytes. 6 partitions. Retention 90 days.
     */
    public static final String TELEMETRY_KEYS_DLQ = TELEMETRY_KEYS + ".dlq";

    /**
     * What other athletes may see of each athlete (display name, hidden from public boards), latest state per athlete,
     * published by the users service. Key: user id. Value: {@code PublicProfile}; a tombstone when the athlete is
     * erased. 6 partitions. Compacted, kept while the athlete exists. Leaderboards name their entries with it.
     */
    public static final String PUBLIC_PROFILES = "users.public-profiles";

    /**
     * Public profile records that could not be processed, with the reason in the {@code stride.dlq.reason} header.
     * Key and value: as the source record, unchanged bytes. 6 partitions. Retention 90 days.
     */
    public static final String PUBLIC_PROFILES_DLQ = PUBLIC_PROFILES + ".dlq";

    private static final String WORKOUT_NS = "io.stride.schemas.workout.";

    private static final List<TopicSpec> CATALOGUE = List.of(
            new TopicSpec(TELEMETRY_SAMPLE_BATCHES, "workout id",
                    List.of("io.stride.schemas.telemetry.TelemetrySampleBatch"), 12, "delete", EVENT_RETENTION),
            new TopicSpec(TELEMETRY_SAMPLE_BATCHES_DLQ, "workout id", List.of(), 12, "delete", EVENT_RETENTION),
            new TopicSpec(WORKOUT_EVENTS, "workout id", List.of(
                    WORKOUT_NS + "WorkoutStarted", WORKOUT_NS + "WorkoutUpdated", WORKOUT_NS + "WorkoutPaused",
                    WORKOUT_NS + "WorkoutResumed", WORKOUT_NS + "WorkoutCompleted", WORKOUT_NS + "WorkoutCancelled",
                    WORKOUT_NS + "WorkoutTagAdded", WORKOUT_NS + "WorkoutCompletionRequested"), 12, "delete",
                    EVENT_RETENTION),
            new TopicSpec(WORKOUT_EVENTS_DLQ, "workout id", List.of(), 12, "delete", EVENT_RETENTION),
            new TopicSpec(WORKOUT_PROGRESS, "workout id", List.of(WORKOUT_NS + "WorkoutUpdated"), 12, "delete",
                    EVENT_RETENTION),
            new TopicSpec(WORKOUT_PROGRESS_DLQ, "workout id", List.of(), 12, "delete", EVENT_RETENTION),
            new TopicSpec(LIVE_WORKOUT_STATE, "workout id", List.of("io.stride.schemas.live.LiveWorkoutState"),
                    12, "compact,delete", EVENT_RETENTION),
            new TopicSpec(LIVE_WORKOUT_STATE_DLQ, "workout id", List.of(), 12, "delete", EVENT_RETENTION),
            new TopicSpec(WORKOUT_OWNERS, "workout id", List.of(WORKOUT_NS + "WorkoutOwner"), 12, "compact", null),
            new TopicSpec(WORKOUT_OWNERS_DLQ, "workout id", List.of(), 12, "delete", EVENT_RETENTION),
            new TopicSpec(GOAL_ACHIEVEMENTS, "user id", List.of("io.stride.schemas.goals.GoalAchieved"),
                    6, "delete", EVENT_RETENTION),
            new TopicSpec(GOAL_ACHIEVEMENTS_DLQ, "user id", List.of(), 6, "delete", EVENT_RETENTION),
            new TopicSpec(GOALS, "goal id", List.of("io.stride.schemas.goals.Goal"), 6, "compact", null),
            new TopicSpec(GOALS_DLQ, "goal id", List.of(), 6, "delete", EVENT_RETENTION),
            new TopicSpec(USER_METRICS, "user id", List.of("io.stride.schemas.users.UserMetricsUpdated"),
                    6, "compact", null),
            new TopicSpec(USER_METRICS_DLQ, "user id", List.of(), 6, "delete", EVENT_RETENTION),
            new TopicSpec(DEVICE_CREDENTIALS, "device id", List.of("io.stride.schemas.users.DeviceCredential"),
                    6, "compact", null),
            new TopicSpec(DEVICE_CREDENTIALS_DLQ, "device id", List.of(), 6, "delete", EVENT_RETENTION),
            new TopicSpec(USER_ERASURES, "user id", List.of("io.stride.schemas.users.UserErased"),
                    6, "compact", null),
            new TopicSpec(USER_ERASURES_DLQ, "user id", List.of(), 6, "delete", EVENT_RETENTION),
            new TopicSpec(TELEMETRY_KEYS, "user id", List.of("io.stride.schemas.users.TelemetryKey"),
                    6, "compact", null),
            new TopicSpec(TELEMETRY_KEYS_DLQ, "user id", List.of(), 6, "delete", EVENT_RETENTION),
            new TopicSpec(PUBLIC_PROFILES, "user id", List.of("io.stride.schemas.users.PublicProfile"),
                    6, "compact", null),
            new TopicSpec(PUBLIC_PROFILES_DLQ, "user id", List.of(), 6, "delete", EVENT_RETENTION));

    private Topics() {
    }

    /** Every topic of the platform with its layout, in a stable order. */
    public static List<TopicSpec> catalogue() {
        return CATALOGUE;
    }
}
