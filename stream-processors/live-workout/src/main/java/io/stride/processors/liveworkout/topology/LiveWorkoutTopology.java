package io.stride.processors.liveworkout.topology;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import io.stride.processors.liveworkout.domain.LiveSettings;
import io.stride.schemas.Topics;
import io.stride.schemas.live.LiveWorkoutState;
import io.stride.schemas.telemetry.TelemetrySampleBatch;
import io.stride.schemas.workout.WorkoutOwner;
import io.stride.schemas.workout.WorkoutUpdated;

/**
 * Live workout state: telemetry sample batches and Workout events (both keyed by workout id, co-partitioned) are folded by
 * {@link LiveWorkoutProcessor} into each workout's session in {@link #SESSION_STORE} (its recorded track in
 * {@link #TRACK_STORE} until it ends); athletes' metrics come from the
 * global {@link #USER_METRICS_STORE}, erased users from the global {@link #ERASED_USERS_STORE}. Outputs: the live
 * state to {@link Topics#LIVE_WORKOUT_STATE} (changes coalesced per workout, tombstones for erased users' workouts),
 * WorkoutUpdated at a bounded rate to {@link Topics#WORKOUT_PROGRESS} and the final one (the final figures) to
 * {@link Topics#WORKOUT_EVENTS}, who each workout belongs to (claims and releases)
 * to {@link Topics#WORKOUT_OWNERS}, samples that cannot be placed or are another athlete's to
 * {@link Topics#TELEMETRY_SAMPLE_BATCHES_DLQ}, Workout events of another athlete than the owner to
 * {@link Topics#WORKOUT_EVENTS_DLQ}.
 */
@ApplicationScoped
class LiveWorkoutTopology {

    static final String SESSION_STORE = "live-workout-session-store";
    static final String TRACK_STORE = "live-workout-track-store";
    static final String USER_METRICS_STORE = "user-metrics-store";
    static final String ERASED_USERS_STORE = "erased-users-store";

    @Produces
    Topology topology(LiveWorkoutSerdes serdes, Clock clock, LiveSettings settings) {
        return build(serdes, clock, settings);
    }

    static Topology build(LiveWorkoutSerdes serdes, Clock clock, LiveSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTimeExtractor eventTime = new EventTimeExtractor();
        // cached: a workout's puts between two commits become one RocksDB write and one changelog record
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSION_STORE),
                Serdes.String(), serdes.sessions()).withCachingEnabled());
        // the recorded track of each open workout, appended a record's points at a time (never rewritten).
        // Not cached: with the record cache, live-workout's old generation climbed to ~300 MB of 384 MB under
        // ./stride bench and it died of OutOfMemoryError; without it, it stays at ~50-70 MB (to be understood)
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRACK_STORE),
                Serdes.String(), new TrackChunkSerde()).withCachingDisabled());
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USER_METRICS_STORE),
                        Serdes.String(), serdes.userMetrics()).withLoggingDisabled(),
                Topics.USER_METRICS,
                Consumed.with(Serdes.String(), serdes.userMetrics()).withName("user-metrics"),
                () -> new GlobalStoreLoader<>(USER_METRICS_STORE));

        KStream<String, SpecificRecord> samples = builder.stream(Topics.TELEMETRY_SAMPLE_BATCHES,
                        Consumed.with(Serdes.String(), serdes.samples())
                                .withTimestampExtractor(eventTime)
                                .withName("telemetry-samples-source"))
                .mapValues(sample -> (SpecificRecord) sample, Named.as("samples-as-inputs"));
        KStream<String, SpecificRecord> events = builder.stream(Topics.WORKOUT_EVENTS,
                Consumed.with(Serdes.String(), serdes.workoutEvents())
                        .withTimestampExtractor(eventTime)
                        .withName("workout-events-source"));

        samples.merge(events, Named.as("workout-inputs"))
                .process(() -> new LiveWorkoutProcessor(settings, clock), Named.as("live-workout-processor"),
                        SESSION_STORE, TRACK_STORE)
                .split(Named.as("live-workout-output-"))
                .branch((workoutId, value) -> value == null || value instanceof LiveWorkoutState,
                        Branched.withConsumer(states -> states
                                .mapValues(value -> (LiveWorkoutState) value, Named.as("live-workout-states"))
                                .to(Topics.LIVE_WORKOUT_STATE, Produced.with(Serdes.String(), serdes.states())
                                        .withName("live-workout-state-sink")), "states"))
                // the final update (the final figures) is part of the workout's lifecycle; progress is live traffic
                .branch((workoutId, value) -> value instanceof WorkoutUpdated update
                        && update.getData().getFinalFigures() != null, Branched.withConsumer(finals -> finals
                        .to(Topics.WORKOUT_EVENTS, Produced.with(Serdes.String(), serdes.workoutEvents())
                                .withName("workout-updated-sink")), "updates"))
                .branch((workoutId, value) -> value instanceof WorkoutUpdated, Branched.withConsumer(progress -> progress
                        .to(Topics.WORKOUT_PROGRESS, Produced.with(Serdes.String(), serdes.workoutEvents())
                                .withName("workout-progress-sink")), "progress"))
                .branch((workoutId, value) -> value instanceof TelemetrySampleBatch, Branched.withConsumer(late -> late
                        .mapValues(value -> (TelemetrySampleBatch) value, Named.as("unplaced-samples"))
                        .to(Topics.TELEMETRY_SAMPLE_BATCHES_DLQ, Produced.with(Serdes.String(), serdes.samples())
                                .withName("telemetry-samples-dlq-sink")), "dead-letters"))
                .branch((workoutId, value) -> value instanceof WorkoutOwner, Branched.withConsumer(owners -> owners
                        .mapValues(value -> value == LiveWorkoutProcessor.RELEASED_OWNER ? null : (WorkoutOwner) value,
                                Named.as("workout-owner-claims"))
                        .to(Topics.WORKOUT_OWNERS, Produced.with(Serdes.String(), serdes.owners())
                                .withName("workout-owners-sink")), "owners"))
                // what is left are Workout events of athletes who do not own the workout (ADR 0012)
                .defaultBranch(Branched.withConsumer(foreign -> foreign
                        .to(Topics.WORKOUT_EVENTS_DLQ, Produced.with(Serdes.String(), serdes.workoutEvents())
                                .withName("workout-events-dlq-sink")), "foreign-events"));
        // added last, so that the workout sub-topology keeps its number (and its tasks their ids and state)
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ERASED_USERS_STORE),
                        Serdes.String(), serdes.erasures()).withLoggingDisabled(),
                Topics.USER_ERASURES,
                Consumed.with(Serdes.String(), serdes.erasures()).withName("user-erasures"),
                () -> new GlobalStoreLoader<>(ERASED_USERS_STORE));
        return builder.build();
    }
}
