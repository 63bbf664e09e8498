package io.stride.processors.leaderboards.topology;

import static io.stride.schemas.testkit.EventBuilders.aUserMetricsUpdated;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCancelled;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCompleted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutStarted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutUpdated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

import io.stride.processors.leaderboards.domain.Athlete;
import io.stride.processors.leaderboards.domain.BoardEntry;
import io.stride.processors.leaderboards.domain.Totals;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.testkit.TestSerdes;
import io.stride.schemas.users.PublicProfile;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.UpdateSource;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.schemas.workout.WorkoutStarted;
import io.stride.schemas.workout.WorkoutUpdated;

/** The leaderboards topology in a {@link TopologyTestDriver}, with builders of its inputs and readers of its boards. */
final class LeaderboardsDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2025-06-01T06:00:00Z");

    final LeaderboardsSerdes serdes = plainSerdes();
    final TopologyTestDriver driver;
    final TestInputTopic<String, SpecificRecord> events;
    final TestInputTopic<String, SpecificRecord> progress;
    final TestInputTopic<String, UserMetricsUpdated> metrics;
    final TestInputTopic<String, UserErased> erasures;
    final TestInputTopic<String, PublicProfile> profiles;
    final TestOutputTopic<String, SpecificRecord> eventDeadLetters;
    final TestOutputTopic<String, SpecificRecord> progressDeadLetters;
    final TestOutputTopic<String, UserMetricsUpdated> metricsDeadLetters;

    /** The topology as production builds it (RocksDB stores). */
    LeaderboardsDriver() {
        this(Stores::persistentKeyValueStore);
    }

    /** The topology with its stores from {@code stores}. */
    LeaderboardsDriver(Function<String, KeyValueBytesStoreSupplier> stores) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "leaderboards-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test/" + UUID.randomUUID());
        driver = new TopologyTestDriver(LeaderboardsTopology.build(serdes, stores, new ActiveShards()), config, START);
        events = driver.createInputTopic(Topics.WORKOUT_EVENTS, Serdes.String().serializer(),
                serdes.workoutEvents().serializer());
        progress = driver.createInputTopic(Topics.WORKOUT_PROGRESS, Serdes.String().serializer(),
                serdes.workoutEvents().serializer());
        metrics = driver.createInputTopic(Topics.USER_METRICS, Serdes.String().serializer(),
                serdes.userMetrics().serializer());
        erasures = driver.createInputTopic(Topics.USER_ERASURES, Serdes.String().serializer(),
                serdes.erasures().serializer());
        profiles = driver.createInputTopic(Topics.PUBLIC_PROFILES, Serdes.String().serializer(),
                serdes.profiles().serializer());
        eventDeadLetters = driver.createOutputTopic(Topics.WORKOUT_EVENTS_DLQ, Serdes.String().deserializer(),
                serdes.workoutEvents().deserializer());
        progressDeadLetters = driver.createOutputTopic(Topics.WORKOUT_PROGRESS_DLQ, Serdes.String().deserializer(),
                serdes.workoutEvents().deserializer());
        metricsDeadLetters = driver.createOutputTopic(Topics.USER_METRICS_DLQ, Serdes.String().deserializer(),
                serdes.userMetrics().deserializer());
    }

    /** The topology's serdes without a registry. */
    static LeaderboardsSerdes plainSerdes() {
        return new LeaderboardsSerdes(TestSerdes.workoutEvents(), TestSerdes.specific(UserMetricsUpdated.class),
                TestSerdes.specific(UserErased.class), TestSerdes.specific(PublicProfile.class));
    }

    @Override
    public void close() {
        driver.close();
    }

    /** A Workout event on its topic, keyed by its workout. */
    void pipe(UUID workout, SpecificRecord event) {
        events.pipeInput(workout.toString(), event, START);
    }

    /** A progress update on its topic, keyed by its workout. */
    void progress(UUID workout, SpecificRecord update) {
        progress.pipeInput(workout.toString(), update, START);
    }

    /** The workout's start, recorded {@code at} it. */
    static WorkoutStarted started(UUID workout, UUID athlete, Instant at, SportType sport) {
        return aWorkoutStarted().forWorkout(workout, athlete).at(at).sportType(sport).build();
    }

    /** live-workout's progress update: {@code meters} so far, {@code at}. */
    static WorkoutUpdated progressed(UUID workout, UUID athlete, Instant at, double meters) {
        return aWorkoutUpdated().forWorkout(workout, athlete).at(at).currentDistanceMeters(meters).build();
    }

    /** The athlete's time zone (or none), as their metrics say. */
    void zone(UUID athlete, String zone) {
        metrics.pipeInput(athlete.toString(), aUserMetricsUpdated().userId(athlete).timeZone(zone).build(), START);
    }

    /** The athlete's public profile: the name boards show, and whether they hide from public boards. */
    void profile(UUID athlete, String displayName, boolean hidden) {
        profiles.pipeInput(athlete.toString(), PublicProfile.newBuilder().setUserId(athlete)
                .setDisplayName(displayName).setHiddenFromLeaderboards(hidden).setUpdatedAt(START).build(), START);
    }

    void erase(UUID athlete) {
        erasures.pipeInput(athlete.toString(), UserErased.newBuilder().setEventId(UUID.randomUUID())
                .setTimestamp(START).setData(UserErasedData.newBuilder().setUserId(athlete).setErasedAt(START).build())
                .build(), START);
    }

    /**
     * A completion as the workouts service writes it: recorded {@code at}, the workout from {@code start} for
     * {@code minutes}, with final figures (moving time = its duration), sport {@code null} when not said.
     */
    static WorkoutCompleted completed(UUID workout, UUID athlete, Instant at, Instant start, int minutes,
            SportType sport, double distanceMeters, double elevationMeters, double kcal) {
        Instant end = start.plusSeconds(minutes * 60L);
        WorkoutCompleted completed = aWorkoutCompleted().forWorkout(workout, athlete).at(at)
                .durationSeconds(minutes * 60).distanceMeters(distanceMeters).caloriesBurned(kcal).route(List.of())
                .build();
        completed.getData().setEndTime(end);
        completed.getData().setStartTime(start);
        completed.getData().setSportType(sport);
        completed.getData().setFigures(FinalFigures.newBuilder().setEndReason(EndReason.COMPLETED)
                .setStartedAt(start).setEndedAt(end).setSampleCount(minutes * 60L)
                .setElapsedTimeMillis(minutes * 60_000L).setMovingTimeMillis(minutes * 60_000L)
                .setDistanceMeters(distanceMeters).setElevationGainMeters(elevationMeters).setCaloriesKcal(kcal)
                .build());
        return completed;
    }

    /** A running workout of {@code meters} from {@code start}, 30 minutes, flat, 300 kcal, recorded when it ends. */
    static WorkoutCompleted run(UUID workout, UUID athlete, Instant start, double meters) {
        return completed(workout, athlete, start.plusSeconds(1800), start, 30, SportType.RUNNING, meters, 0, 300);
    }

    /** The athlete's edit of the sport, {@code at}. */
    static WorkoutUpdated sportEdit(UUID workout, UUID athlete, Instant at, SportType sport) {
        WorkoutUpdated updated = aWorkoutUpdated().forWorkout(workout, athlete).at(at).build();
        updated.getData().setSource(UpdateSource.ATHLETE);
        updated.getData().setSportType(sport);
        return updated;
    }

    static SpecificRecord cancel(UUID workout, UUID athlete, Instant at) {
        return aWorkoutCancelled().forWorkout(workout, athlete).at(at).build();
    }

    KeyValueStore<Bytes, byte[]> boardStore() {
        return driver.getKeyValueStore(LeaderboardsTopology.BOARD_STORE);
    }

    /** This driver's task as a shard of the boards. */
    LocalShard shard() {
        return new LocalShard(boardStore(), driver.getKeyValueStore(LeaderboardsTopology.COUNTS_STORE),
                driver.getKeyValueStore(LeaderboardsTopology.ATHLETES_STORE));
    }

    /** A reader over the shards of {@code drivers}, with their totals and athletes. */
    static BoardReader reader(LeaderboardsDriver... drivers) {
        List<BoardShard> shards = new ArrayList<>();
        List<ReadOnlyKeyValueStore<String, Totals>> totals = new ArrayList<>();
        List<ReadOnlyKeyValueStore<String, Athlete>> athletes = new ArrayList<>();
        for (LeaderboardsDriver shard : drivers) {
            shards.add(shard.shard());
            totals.add(shard.driver.getKeyValueStore(LeaderboardsTopology.TOTALS_STORE));
            athletes.add(shard.driver.getKeyValueStore(LeaderboardsTopology.ATHLETES_STORE));
        }
        return new BoardReader(shards, totals, athletes);
    }

    /** The digests ({@link BoardCounts#digest}) of the boards the count index counts entries of. */
    Set<Bytes> countedBoards() {
        Set<Bytes> boards = new TreeSet<>();
        try (KeyValueIterator<Bytes, byte[]> all = driver.<Bytes, byte[]>getKeyValueStore(
                LeaderboardsTopology.COUNTS_STORE).all()) {
            all.forEachRemaining(next -> boards.add(Bytes.wrap(Arrays.copyOf(next.key.get(), 16))));
        }
        return boards;
    }

    /** The entries of {@code board}, in board order. */
    List<BoardEntry> board(String board) {
        return BoardIndex.entries(boardStore(), board);
    }

    /** The athletes of {@code board}, in board order. */
    List<String> athletes(String board) {
        return board(board).stream().map(BoardEntry::athleteId).toList();
    }

    /** Every board with its entries, in board order. */
    Map<String, List<BoardEntry>> boards() {
        Map<String, List<BoardEntry>> boards = new LinkedHashMap<>();
        try (KeyValueIterator<Bytes, byte[]> all = boardStore().all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, byte[]> next = all.next();
                boards.computeIfAbsent(BoardIndex.boardOf(next.key), b -> new ArrayList<>())
                        .add(BoardIndex.entryOf(next.key));
            }
        }
        return boards;
    }
}
