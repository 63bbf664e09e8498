package io.stride.processors.goals.topology;

import java.util.Map;
import java.util.function.Function;

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
import io.stride.schemas.Topics;
import io.stride.schemas.goals.Goal;
import io.stride.schemas.users.UserMetricsUpdated;

/**
 * The goals (issue 14, ADR 0018), in two stages:
 * <ol>
 *   <li>By workout, the facts of the Workout events and progress updates ({@link WorkoutFactStreams}); by goal, the
 *       goals of {@link Topics#GOALS} with their athlete ({@link GoalOwnersProcessor}, a deleted goal's athlete from
 *       {@link #GOAL_OWNERS_STORE}; a goal it cannot read to {@link Topics#GOALS_DLQ}): both re-keyed by athlete into
 *       {@link #PARTITIONS} partitions, as the users topics.</li>
 *   <li>By athlete, with the zones of {@link Topics#USER_METRICS} and the erasures of {@link Topics#USER_ERASURES}:
 *       {@link GoalsProcessor} keeps the workouts, goals, zone and fired periods, and writes each goal reached in a
 *       new period to {@link Topics#GOAL_ACHIEVEMENTS}, once.</li>
 * </ol>
 */
public final class GoalsTopology {

    /** Goal id → its athlete's id. */
    public static final String GOAL_OWNERS_STORE = "goal-owners-store";
    /** {@code athleteId/workoutId} → the workout's entry. */
    public static final String WORKOUTS_STORE = "goal-workouts-store";
    /** {@code athleteId/goalId} → the goal. */
    public static final String GOALS_STORE = "athlete-goals-store";
    /** Athlete id → their zone id, or {@code !erased}. */
    public static final String ATHLETES_STORE = "goal-athletes-store";
    /** {@code athleteId/goalId/periodId} → when the goal was reached in that period (fired once). */
    public static final String FIRED_STORE = "goals-fired-store";
    /** Partitions of the repartition topics: as {@code users.user-metrics} and {@code users.user-erasures}. */
    public static final int PARTITIONS = 6;

    private GoalsTopology() {
    }

    /** The topology on RocksDB stores, as in production. */
    public static Topology build(GoalsSerdes serdes) {
        return build(serdes, Stores::persistentKeyValueStore);
    }

    static Topology build(GoalsSerdes serdes, Function<String, KeyValueBytesStoreSupplier> stores) {
        StreamsBuilder builder = new StreamsBuilder();
        EventTimeExtractor eventTime = new EventTimeExtractor();
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(GOAL_OWNERS_STORE), Serdes.String(),
                Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(WORKOUTS_STORE), Serdes.String(),
                serdes.entries()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(GOALS_STORE), Serdes.String(),
                Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(ATHLETES_STORE), Serdes.String(),
                Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(FIRED_STORE), Serdes.String(),
                Serdes.Long()));

        KStream<String, GoalInput> facts = WorkoutFactStreams.of(builder, serdes.workoutEvents(), eventTime)
                .repartition(Repartitioned.with(Serdes.String(), serdes.facts())
                        .withName("workout-facts")
                        .withNumberOfPartitions(PARTITIONS))
                .mapValues(fact -> (GoalInput) new GoalInput.Fact(fact), Named.as("workout-facts-by-athlete"));

        Map<String, KStream<String, Object>> byGoal = builder.stream(Topics.GOALS,
                        Consumed.with(Serdes.String(), serdes.goals()).withName("goals-source"))
                .process(GoalOwnersProcessor::new, Named.as("goal-owners-processor"), GOAL_OWNERS_STORE)
                .split(Named.as("goals-"))
                .branch((key, value) -> value instanceof GoalInput, Branched.as("read"))
                .defaultBranch(Branched.withConsumer(letters -> letters
                        .mapValues(value -> (Goal) value, Named.as("goals-unread"))
                        .to(Topics.GOALS_DLQ, Produced.with(Serdes.String(), serdes.goals())
                                .withName("goals-dlq-sink")), "dead-letters"));
        KStream<String, GoalInput> goals = byGoal.get("goals-read")
                .mapValues(value -> (GoalInput) value, Named.as("goals-typed"))
                .repartition(Repartitioned.with(Serdes.String(), serdes.goalChanges())
                        .withName("goals-by-athlete")
                        .withNumberOfPartitions(PARTITIONS));

        Map<String, KStream<String, Object>> byZone = builder.stream(Topics.USER_METRICS,
                        Consumed.with(Serdes.String(), serdes.userMetrics())
                                .withTimestampExtractor(eventTime)
                                .withName("user-metrics-source"))
                .process(() -> new UserZonesProcessor(GoalInput.ZoneChanged::new), Named.as("user-zones-processor"))
                .split(Named.as("user-zones-"))
                .branch((key, value) -> value instanceof GoalInput, Branched.as("known"))
                .defaultBranch(Branched.withConsumer(letters -> letters
                        .mapValues(value -> (UserMetricsUpdated) value, Named.as("user-metrics-dead-letters"))
                        .to(Topics.USER_METRICS_DLQ, Produced.with(Serdes.String(), serdes.userMetrics())
                                .withName("user-metrics-dlq-sink")), "dead-letters"));
        KStream<String, GoalInput> zones = byZone.get("user-zones-known")
                .mapValues(value -> (GoalInput) value, Named.as("user-zones"));

        KStream<String, GoalInput> erasures = builder.stream(Topics.USER_ERASURES,
                        Consumed.with(Serdes.String(), serdes.erasures())
                                .withTimestampExtractor(eventTime)
                                .withName("user-erasures-source"))
                .filter((user, erased) -> user != null && erased != null, Named.as("user-erasures-with-value"))
                .mapValues(erased -> (GoalInput) new GoalInput.Erased(), Named.as("user-erasures"));

        facts.merge(goals, Named.as("athlete-inputs-with-goals"))
                .merge(zones, Named.as("athlete-inputs-with-zones"))
                .merge(erasures, Named.as("athlete-inputs"))
                .process(GoalsProcessor::new, Named.as("goals-processor"), WORKOUTS_STORE, GOALS_STORE,
                        ATHLETES_STORE, FIRED_STORE)
                .to(Topics.GOAL_ACHIEVEMENTS, Produced.with(Serdes.String(), serdes.achievements())
                        .withName("goal-achievements-sink"));
        return builder.build();
    }
}
