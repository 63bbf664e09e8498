package io.stride.processors.goals.topology;

import static io.stride.schemas.testkit.EventBuilders.aWorkoutCancelled;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutCompleted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutStarted;
import static io.stride.schemas.testkit.EventBuilders.aWorkoutUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.goals.Goal;
import io.stride.schemas.goals.GoalAchieved;
import io.stride.schemas.testkit.TestSerdes;
import io.stride.schemas.users.UserErased;
import io.stride.schemas.users.UserErasedData;
import io.stride.schemas.users.UserMetricsUpdated;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.WorkoutCompleted;

/** The goals topology in a test driver: goals, workouts and progress in; each goal reached once per period out. */
class GoalsTopologyTest {

    static final Instant MONDAY = Instant.parse("2025-06-02T06:00:00Z");
    static final Instant SET = Instant.parse("2025-05-01T00:00:00Z");

    final GoalsSerdes serdes = new GoalsSerdes(TestSerdes.workoutEvents(), TestSerdes.specific(Goal.class),
            TestSerdes.specific(UserMetricsUpdated.class), TestSerdes.specific(UserErased.class),
            TestSerdes.specific(GoalAchieved.class));
    final TopologyTestDriver driver;
    final TestInputTopic<String, SpecificRecord> events;
    final TestInputTopic<String, SpecificRecord> progress;
    final TestInputTopic<String, Goal> goals;
    final TestInputTopic<String, UserErased> erasures;
    final TestOutputTopic<String, GoalAchieved> achieved;
    final TestOutputTopic<String, Goal> goalDeadLetters;
    final UUID athlete = UUID.randomUUID();

    GoalsTopologyTest() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "goals-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(GoalsTopology.build(serdes, Stores::inMemoryKeyValueStore), config, MONDAY);
        events = driver.createInputTopic(Topics.WORKOUT_EVENTS, Serdes.String().serializer(),
                serdes.workoutEvents().serializer());
        progress = driver.createInputTopic(Topics.WORKOUT_PROGRESS, Serdes.String().serializer(),
                serdes.workoutEvents().serializer());
        goals = driver.createInputTopic(Topics.GOALS, Serdes.String().serializer(), serdes.goals().serializer());
        erasures = driver.createInputTopic(Topics.USER_ERASURES, Serdes.String().serializer(),
                serdes.erasures().serializer());
        achieved = driver.createOutputTopic(Topics.GOAL_ACHIEVEMENTS, Serdes.String().deserializer(),
                serdes.achievements().deserializer());
        goalDeadLetters = driver.createOutputTopic(Topics.GOALS_DLQ, Serdes.String().deserializer(),
                serdes.goals().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    UUID weeklyRunning(double meters, boolean paused) {
        UUID goal = UUID.randomUUID();
        set(goal, meters, paused);
        return goal;
    }

    void set(UUID goal, double meters, boolean paused) {
        goals.pipeInput(goal.toString(), Goal.newBuilder().setGoalId(goal).setUserId(athlete).setKind("period_total")
                .setMetric("distance").setPeriod("week").setSport(SportType.RUNNING).setTarget(meters)
                .setPaused(paused).setVersion(1).setCreatedAt(SET).setUpdatedAt(SET).build());
    }

    /** A run of {@code meters} from {@code start}, half an hour. */
    WorkoutCompleted run(UUID workout, Instant start, double meters) {
        Instant end = start.plusSeconds(1800);
        WorkoutCompleted completed = aWorkoutCompleted().forWorkout(workout, athlete).at(end).durationSeconds(1800)
                .distanceMeters(meters).caloriesBurned(300).route(List.of()).build();
        completed.getData().setStartTime(start);
        completed.getData().setEndTime(end);
        completed.getData().setSportType(SportType.RUNNING);
        completed.getData().setFigures(FinalFigures.newBuilder().setEndReason(EndReason.COMPLETED)
                .setStartedAt(start).setEndedAt(end).setSampleCount(1800).setElapsedTimeMillis(1_800_000)
                .setMovingTimeMillis(1_800_000).setDistanceMeters(meters).setElevationGainMeters(0.0).build());
        return completed;
    }

    void pipe(UUID workout, SpecificRecord event) {
        events.pipeInput(workout.toString(), event);
    }

    @Test
    void shouldFireOnceWhenCompletedRunsReachAWeeklyGoalWhateverTheReDeliveries() {
        // given
        UUID goal = weeklyRunning(20_000, false);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        // when: 12 km, then 9 km; each delivered twice, the goal published again
        pipe(first, run(first, MONDAY, 12_000));
        pipe(second, run(second, MONDAY.plusSeconds(86_400), 9_000));
        pipe(first, run(first, MONDAY, 12_000));
        pipe(second, run(second, MONDAY.plusSeconds(86_400), 9_000));
        set(goal, 20_000, false);

        // then
        List<GoalAchieved> fired = achieved.readValuesToList();
        assertThat(fired).hasSize(1);
        GoalAchieved once = fired.getFirst();
        assertThat(once.getData().getGoalId()).isEqualTo(goal);
        assertThat(once.getData().getUserId()).isEqualTo(athlete);
        assertThat(once.getData().getGoalType()).isEqualTo("weekly_distance");
        assertThat(once.getData().getTargetValue()).isEqualTo(20_000.0);
        assertThat(once.getData().getAchievedValue()).isEqualTo(21_000.0);
        assertThat(once.getData().getWorkoutId()).isEqualTo(second);
        assertThat(once.getData().getAchievedAt()).isEqualTo(MONDAY.plusSeconds(86_400 + 1800));
        assertThat(once.getEventId()).isEqualTo(UUID.nameUUIDFromBytes((goal + "/2025-W23").getBytes(
                StandardCharsets.UTF_8)));
        assertThat(goalDeadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldFireMidRunFromTheProgressAndNotAgainWhenTheRunCompletesOrIsCancelled() {
        // given: 15 km done this week; a run starts
        weeklyRunning(20_000, false);
        UUID done = UUID.randomUUID();
        UUID going = UUID.randomUUID();
        pipe(done, run(done, MONDAY, 15_000));
        pipe(going, aWorkoutStarted().forWorkout(going, athlete).at(MONDAY.plusSeconds(7200))
                .sportType(SportType.RUNNING).build());

        // when: 4 km in, then 5.5 km in
        progress.pipeInput(going.toString(), aWorkoutUpdated().forWorkout(going, athlete)
                .at(MONDAY.plusSeconds(8400)).currentDistanceMeters(4_000).build());
        assertThat(achieved.isEmpty()).isTrue();
        progress.pipeInput(going.toString(), aWorkoutUpdated().forWorkout(going, athlete)
                .at(MONDAY.plusSeconds(9000)).currentDistanceMeters(5_500).build());

        // then: reached at the update that crossed it
        List<GoalAchieved> fired = achieved.readValuesToList();
        assertThat(fired).hasSize(1);
        assertThat(fired.getFirst().getData().getWorkoutId()).isEqualTo(going);
        assertThat(fired.getFirst().getData().getAchievedAt()).isEqualTo(MONDAY.plusSeconds(9000));

        // when: it completes, then is cancelled, then another run crosses again the same week
        pipe(going, run(going, MONDAY.plusSeconds(7200), 6_000));
        pipe(going, aWorkoutCancelled().forWorkout(going, athlete).at(MONDAY.plusSeconds(10_000)).build());
        UUID again = UUID.randomUUID();
        pipe(again, run(again, MONDAY.plusSeconds(90_000), 8_000));

        // then: the week fired once, and stays fired (ADR 0018); the next week fires again
        assertThat(achieved.isEmpty()).isTrue();
        UUID nextWeek = UUID.randomUUID();
        pipe(nextWeek, run(nextWeek, MONDAY.plusSeconds(7 * 86_400), 21_000));
        assertThat(achieved.readValuesToList()).extracting(a -> a.getData().getWorkoutId()).containsExactly(nextWeek);
    }

    @Test
    void shouldFireNothingForAPausedDeletedOrErasedGoalAndFireWhenResumed() {
        // given: a paused goal, reached
        UUID goal = weeklyRunning(10_000, true);
        UUID run = UUID.randomUUID();
        pipe(run, run(run, MONDAY, 12_000));
        assertThat(achieved.isEmpty()).isTrue();

        // when: resumed
        set(goal, 10_000, false);

        // then
        assertThat(achieved.readValuesToList()).hasSize(1);

        // when: deleted, then a new week reached; then the athlete erased and another goal set
        goals.pipeInput(goal.toString(), null);
        UUID later = UUID.randomUUID();
        pipe(later, run(later, MONDAY.plusSeconds(7 * 86_400), 12_000));
        erasures.pipeInput(athlete.toString(), UserErased.newBuilder().setEventId(UUID.randomUUID())
                .setTimestamp(MONDAY).setData(UserErasedData.newBuilder().setUserId(athlete).setErasedAt(MONDAY)
                        .build()).build());
        weeklyRunning(1_000, false);

        // then
        assertThat(achieved.isEmpty()).isTrue();
        assertThat(driver.getKeyValueStore(GoalsTopology.WORKOUTS_STORE).approximateNumEntries()).isZero();
    }

    @Test
    void shouldDeadLetterAGoalItCannotRead() {
        // given / when
        UUID goal = UUID.randomUUID();
        goals.pipeInput(goal.toString(), Goal.newBuilder().setGoalId(goal).setUserId(athlete).setKind("period_total")
                .setMetric("heartbeats").setPeriod("week").setTarget(5).setVersion(1).setCreatedAt(SET)
                .setUpdatedAt(SET).build());

        // then
        assertThat(goalDeadLetters.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly(goal.toString());
        assertThat(achieved.isEmpty()).isTrue();
    }
}
