package io.stride.processors.goals.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stride.platform.kafka.RegistrySerdes;
import io.stride.platform.security.Roles;
import io.stride.schemas.Topics;
import io.stride.schemas.common.SportType;
import io.stride.schemas.goals.Goal;
import io.stride.schemas.goals.GoalAchieved;
import io.stride.schemas.testkit.EventBuilders;
import io.stride.schemas.workout.EndReason;
import io.stride.schemas.workout.FinalFigures;
import io.stride.schemas.workout.WorkoutCompleted;
import io.stride.testing.Devstack;
import io.stride.testing.DevstackKafka;
import io.stride.testing.DevstackResource;
import io.stride.testing.TestIssuer;

/**
 * The processor on the devstack's Kafka and registry: a goal on {@code goals.goals} and runs on
 * {@code workouts.workout-events} (plain, as events written before sealing are read) → one {@code GoalAchieved}.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestIssuer.class, restrictToAnnotatedClass = false)
class GoalsProcessorTest {

    static final Deserializer<SpecificRecord> RECORDS = RegistrySerdes.<SpecificRecord>forValues(
            Devstack.addresses().get(Devstack.APICURIO_REGISTRY_URL), true).deserializer();

    @Test
    void shouldWriteOneGoalAchievedWhenRunsReachAWeeklyGoal() {
        // given: an athlete's weekly running goal of 10 km
        UUID athlete = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        Instant monday = Instant.parse("2025-06-02T06:00:00Z");
        DevstackKafka.publish(Topics.GOALS, goal.toString(), Goal.newBuilder().setGoalId(goal).setUserId(athlete)
                .setKind("period_total").setMetric("distance").setPeriod("week").setSport(SportType.RUNNING)
                .setTarget(10_000).setVersion(1).setCreatedAt(monday).setUpdatedAt(monday).build());

        // when: 6 km, then 5 km, the second delivered twice
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        DevstackKafka.publish(Topics.WORKOUT_EVENTS, first.toString(), run(first, athlete, monday, 6_000));
        WorkoutCompleted secondRun = run(second, athlete, monday.plusSeconds(86_400), 5_000);
        DevstackKafka.publish(Topics.WORKOUT_EVENTS, second.toString(), secondRun);
        DevstackKafka.publish(Topics.WORKOUT_EVENTS, second.toString(), secondRun);

        // then
        List<ConsumerRecord<byte[], byte[]>> fired = DevstackKafka.awaitRecordsOf(Topics.GOAL_ACHIEVEMENTS,
                athlete.toString(), 1, record -> true);
        GoalAchieved achieved = (GoalAchieved) RECORDS.deserialize(Topics.GOAL_ACHIEVEMENTS, fired.getFirst().headers(),
                fired.getFirst().value());
        assertThat(achieved.getData().getGoalId()).isEqualTo(goal);
        assertThat(achieved.getData().getWorkoutId()).isEqualTo(second);
        assertThat(achieved.getData().getAchievedValue()).isEqualTo(11_000.0);
        assertThat(achieved.getData().getGoalType()).isEqualTo("weekly_distance");
    }

    @Test
    void shouldAnswerTheCallersGoalsWithTheirProgressInTheCurrentPeriod() {
        // given: two weekly running goals, 10 km and 50 km, and 6 km + 5 km run today
        UUID athlete = UUID.randomUUID();
        UUID near = UUID.randomUUID();
        UUID far = UUID.randomUUID();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plusSeconds(60);
        for (UUID goal : List.of(near, far)) {
            DevstackKafka.publish(Topics.GOALS, goal.toString(), Goal.newBuilder().setGoalId(goal)
                    .setUserId(athlete).setKind("period_total").setMetric("distance").setPeriod("week")
                    .setSport(SportType.RUNNING).setTarget(goal.equals(near) ? 10_000 : 50_000).setVersion(1)
                    .setCreatedAt(today).setUpdatedAt(today).build());
        }
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        DevstackKafka.publish(Topics.WORKOUT_EVENTS, first.toString(), run(first, athlete, today, 6_000));
        DevstackKafka.publish(Topics.WORKOUT_EVENTS, second.toString(), run(second, athlete, today, 5_000));
        String week = String.format("%04d-W%02d", today.atZone(ZoneOffset.UTC).get(IsoFields.WEEK_BASED_YEAR),
                today.atZone(ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

        // when / then: the near goal reached, the far one 39 km away
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().header("Authorization", TestIssuer.bearer(athlete, Roles.ATHLETE))
                        .get("/api/v1/goals/progress").then().statusCode(200)
                        .body("goals.find { it.goal_id == '" + near + "' }.reached", equalTo(true))
                        .body("goals.find { it.goal_id == '" + near + "' }.progress", equalTo(11_000.0f))
                        .body("goals.find { it.goal_id == '" + near + "' }.period", equalTo(week))
                        .body("goals.find { it.goal_id == '" + far + "' }.reached", equalTo(false))
                        .body("goals.find { it.goal_id == '" + far + "' }.remaining", equalTo(39_000.0f))
                        .body("goals.find { it.goal_id == '" + far + "' }.goal_type", equalTo("weekly_distance")));
        // and another athlete sees none of them; no token is 401
        given().header("Authorization", TestIssuer.bearer(UUID.randomUUID(), Roles.ATHLETE))
                .get("/api/v1/goals/progress").then().statusCode(200).body("goals", hasSize(0));
        given().get("/api/v1/goals/progress").then().statusCode(401).body("error", equalTo("unauthenticated"));
    }

    static WorkoutCompleted run(UUID workout, UUID athlete, Instant start, double meters) {
        Instant end = start.plusSeconds(1800);
        WorkoutCompleted completed = EventBuilders.aWorkoutCompleted().forWorkout(workout, athlete).at(end)
                .durationSeconds(1800).distanceMeters(meters).caloriesBurned(300).route(List.of()).build();
        completed.getData().setStartTime(start);
        completed.getData().setEndTime(end);
        completed.getData().setSportType(SportType.RUNNING);
        completed.getData().setFigures(FinalFigures.newBuilder().setEndReason(EndReason.COMPLETED)
                .setStartedAt(start).setEndedAt(end).setSampleCount(1800).setElapsedTimeMillis(1_800_000)
                .setMovingTimeMillis(1_800_000).setDistanceMeters(meters).setElevationGainMeters(0.0).build());
        return completed;
    }
}
