package io.stride.processors.leaderboards.topology;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import io.stride.platform.workoutfacts.EventTimeExtractor;
import io.stride.platform.workoutfacts.UserZonesProcessor;
import io.stride.platform.workoutfacts.WorkoutFactStreams;
import io.stride.platform.workoutfacts.WorkoutFactsProcessor;
import io.stride.processors.leaderboards.domain.AthleteInput;
import io.stride.schemas.Topics;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * Leaderboards (ADR 0016), in two stages:
 * <ol>
 *   <li>By workout: {@link Topics#WORKOUT_EVENTS} and the progress updates of {@link Topics#WORKOUT_PROGRESS}
 *       become facts ({@link WorkoutFactsProcessor}) re-keyed by athlete into the
 *       {@code leaderboards-workout-facts-repartition} topic of {@link #FACT_PARTITIONS} partitions, the count of the
 *       users topics; events that cannot count go to their topic's {@code .dlq}.</li>
 *   <li>By athlete: the facts, the athletes' zones from {@link Topics#USER_METRICS} ({@link UserZonesProcessor}; an
 *       unknown zone to {@link Topics#USER_METRICS_DLQ}), their display names and choices to hide from
 *       {@link Topics#PUBLIC_PROFILES} and the erasures from {@link Topics#USER_ERASURES}, all keyed by athlete id on
 *       as many partitions, meet in {@link BoardsProcessor}: each workout's entry in {@link #WORKOUTS_STORE}, each
 *       athlete's zone, name and choice (or erasure) in {@link #ATHLETES_STORE}, their totals per period
 *       and sport in {@link #TOTALS_STORE} and this task's shard of every board, in rank order, in
 *       {@link #BOARD_STORE}, counted by value in {@link #COUNTS_STORE}.</li>
 * </ol>
 */
@ApplicationScoped
public class LeaderboardsTopology {

    /** {@code athleteId/workoutId} → {@link io.stride.processors.leaderboards.domain.WorkoutEntry}. */
    public static final String WORKOUTS_STORE = "athlete-workouts-store";
    /** Athlete id → {@link io.stride.processors.leaderboards.domain.Athlete}: zone, display name, hidden, erased. */
    public static final String ATHLETES_STORE = "athletes-store";
    /** {@code athleteId/periodKind/periodId/sport} → {@link io.stride.processors.leaderboards.domain.Totals}. */
    public static final String TOTALS_STORE = "athlete-totals-store";
    /** This task's shard of every board ({@link BoardIndex}). */
    public static final String BOARD_STORE = "board-entries-store";
    /** This task's count of every board's entries by value ({@link BoardCounts}). */
    public static final String COUNTS_STORE = "board-counts-store";
    /** Partitions of the facts' repartition topic: as {@code users.user-metrics} and {@code users.user-erasures}. */
    public static final int FACT_PARTITIONS = 6;

    @Produces
    Topology topology(LeaderboardsSerdes serdes, ActiveShards active) {
        return build(serdes, Stores::persistentKeyValueStore, active);
    }

    public static Topology build(LeaderboardsSerdes serdes) {
        return build(serdes, Stores::persistentKeyValueStore, new ActiveShards());
    }

    /**
     * The topology with its stores from {@code stores}: RocksDB in production; the oracle test also runs on memory
     * stores, because the test driver commits, and so flushes RocksDB, after every record. Each athlete-stage task
     * lists its stores in {@code active} for the queries.
     */
    static Topology build(LeaderboardsSerdes serdes, Function<String, KeyValueBytesStoreSupplier> stores,
            ActiveShards active) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTimeExtractor eventTime = new EventTimeExtractor();
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(WORKOUTS_STORE),
                Serdes.String(), serdes.entries()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(ATHLETES_STORE),
                Serdes.String(), serdes.athletes()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(TOTALS_STORE),
                Serdes.String(), serdes.totals()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(BOARD_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        // cached: the counts of a board's size and value classes change with every entry, and the cache sends each
        // to the changelog once per commit instead of once per change
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(COUNTS_STORE),
                Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());

        KStream<String, AthleteInput> facts = WorkoutFactStreams.of(builder, serdes.workoutEvents(), eventTime)

                .repartition(Repartitioned.with(Serdes.String(), serdes.facts())
                        .withName("workout-facts")
                        .withNumberOfPartitions(FACT_PARTITIONS))
                .mapValues(fact -> (AthleteInput) new AthleteInput.Fact(fact), Named.as("workout-facts-by-athlete"));

        Map<String, KStream<String, Object>> byZone = builder.stream(Topics.USER_METRICS,
                        Consumed.with(Serdes.String(), serdes.userMetrics())
                                .withTimestampExtractor(eventTime)
                                .withName("user-metrics-source"))
                .process(() -> new UserZonesProcessor(AthleteInput.ZoneChanged::new), Named.as("user-zones-processor"))
                .split(Named.as("user-zones-"))
                .branch((key, value) -> value instanceof AthleteInput, Branched.as("known"))
                .defaultBranch(Branched.withConsumer(letters -> letters
                        .mapValues(value -> (UserMetricsUpdated) value, Named.as("user-metrics-dead-letters"))
                        .to(Topics.USER_METRICS_DLQ, Produced.with(Serdes.String(), serdes.userMetrics())
                                .withName("user-metrics-dlq-sink")), "dead-letters"));
        KStream<String, AthleteInput> zones = byZone.get("user-zones-known")
                .mapValues(value -> (AthleteInput) value, Named.as("user-zones"));

        KStream<String, AthleteInput> erasures = builder.stream(Topics.USER_ERASURES,
                        Consumed.with(Serdes.String(), serdes.erasures())
                                .withTimestampExtractor(eventTime)
                                .withName("user-erasures-source"))
                .filter((user, erased) -> user != null && erased != null, Named.as("user-erasures-with-value"))
                .mapValues(erased -> (AthleteInput) new AthleteInput.Erased(), Named.as("user-erasures"));

        KStream<String, AthleteInput> profiles = builder.stream(Topics.PUBLIC_PROFILES,
                        Consumed.with(Serdes.String(), serdes.profiles())
                                .withTimestampExtractor(eventTime)
                                .withName("public-profiles-source"))
                // a tombstone (erasure) is left to users.user-erasures
                .filter((user, profile) -> user != null && profile != null, Named.as("public-profiles-with-value"))
                .mapValues(profile -> (AthleteInput) new AthleteInput.ProfileChanged(
                        profile.getDisplayName(), profile.getHiddenFromLeaderboards()), Named.as("public-profiles"));

        facts.merge(zones, Named.as("athlete-inputs-with-zones"))
                .merge(profiles, Named.as("athlete-inputs-with-profiles"))
                .merge(erasures, Named.as("athlete-inputs"))
                .process(() -> new BoardsProcessor(active), Named.as("boards-processor"),
                        WORKOUTS_STORE, ATHLETES_STORE, TOTALS_STORE, BOARD_STORE, COUNTS_STORE);
        return builder.build();
    }
}
